"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApiStack = void 0;
class Function {
    constructor(scope, id, props) {
        this.scope = scope;
        this.id = id;
        this.props = props;
        console.log(new Error('created').stack?.split('\n')[2]);
    }
}
class ApiStack {
    constructor() {
        const environment = { TABLE_NAME: 'orders' };
        new Function(this, 'CheckoutHandler', { environment });
    }
}
exports.ApiStack = ApiStack;
new ApiStack();
//# sourceMappingURL=api-stack.js.map