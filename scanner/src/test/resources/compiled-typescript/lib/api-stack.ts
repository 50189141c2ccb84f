// A stack as a CDK app in TypeScript writes it, compiled in place by tsc 5.9 with source maps
// (tsc -p .), for SourceLocatorTest: types are erased, so the compiled lines are not these.
// `node lib/api-stack.js` prints the frame that creates the function as the CDK would record it
// (lib/api-stack.js:15:9); `node --enable-source-maps lib/api-stack.js`, the original line.
type Environment = Record<string, string>;

interface FunctionProps {
  readonly environment: Environment;
  readonly memorySize?: number;
  readonly timeoutSeconds?: number;
}

class Function {
  constructor(readonly scope: object, readonly id: string, readonly props: FunctionProps) {
    console.log(new Error('created').stack?.split('\n')[2]);
  }
}

export class ApiStack {
  constructor() {
    const environment: Environment = { TABLE_NAME: 'orders' };
    new Function(this, 'CheckoutHandler', { environment });
  }
}

new ApiStack();
