package dev.cfnsecrets.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StackFrameTest {

    private static Optional<StackFrame> parse(String text) {
        return StackFrame.parse(text);
    }

    /** A frame of the user's code, as written, and the file, line and column read from it. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // Node.js, as fixtures/cdk-app's assemblies record it, and its other shapes.
                "new ApiStack (/home/runner/work/x/x/lib/api-stack.js:17:5) | /home/runner/work/x/x/lib/api-stack.js | 17 | 5",
                "    at Object.<anonymous> (/app/bin/app.js:8:1) | /app/bin/app.js | 8 | 1",
                "/app/bin/app.js:13:1 | /app/bin/app.js | 13 | 1",
                "at /app/bin/app.js:13:1 | /app/bin/app.js | 13 | 1",
                "Stage.build [as synth] (/app/lib/stage.js:4:12) | /app/lib/stage.js | 4 | 12",
                "async main (file:///app/bin/app.mjs:9:3) | file:///app/bin/app.mjs | 9 | 3",
                "new ApiStack (/app/My (copy)/api-stack.js:2:7) | /app/My (copy)/api-stack.js | 2 | 7",
                "new ApiStack (C:\\work\\lib\\api-stack.js:17:5) | C:\\work\\lib\\api-stack.js | 17 | 5",
                // TypeScript through ts-node or --enable-source-maps names the .ts file.
                "new ApiStack (/app/lib/api-stack.ts:42:5) | /app/lib/api-stack.ts | 42 | 5",
                // Python as jsii sends it (no column, or one; a relative path) and tracebacks.
                "MyStack.__init__ (/home/user/app/my_app/my_stack.py:42) | /home/user/app/my_app/my_stack.py | 42 | 1",
                "__init__ (/home/user/app.py:42:8) | /home/user/app.py | 42 | 8",
                "<module> (app.py:12) | app.py | 12 | 1",
                "  File \"/home/user/app/app.py\", line 12, in <module> | /home/user/app/app.py | 12 | 1",
                // Java names the file only: its folders are the class's package.
                "com.example.infra.ApiStack.<init> (ApiStack.java:42) | com/example/infra/ApiStack.java | 42 | 1",
                "\tat com.example.infra.ApiStack.<init>(ApiStack.java:42) | com/example/infra/ApiStack.java | 42 | 1",
                "at app//com.example.App.main(App.java:9) | com/example/App.java | 9 | 1",
                "com.example.ApiStack$Handlers.add (ApiStack.java:51) | com/example/ApiStack.java | 51 | 1",
                "App.main (App.java:9) | App.java | 9 | 1",
                "com.example.ApiStack.<init> (ApiStack.kt:7) | com/example/ApiStack.kt | 7 | 1",
            })
    void aFrameOfTheUsersCode(String text, String file, int line, int column) {
        assertThat(StackFrame.parse(text.replace("\\t", "\t")))
                .contains(new StackFrame(file, line, column));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // What the CDK writes for frames it folded away, and when it saw no user code.
                "...new Function2 in aws-cdk-lib...",
                "...node internals...",
                "...aws-cdk-lib, jsii runtime, node internals...",
                "(no user code in 10 frames, use --stack-trace-limit to capture more)",
                // Libraries and runtimes.
                "new Function (/app/node_modules/aws-cdk-lib/aws-lambda/lib/function.js:1:1)",
                "new Bucket (C:\\app\\node_modules\\aws-cdk-lib\\aws-s3\\lib\\bucket.js:3:4)",
                "Module._compile (node:internal/modules/cjs/loader.js:1068:30)",
                "Module._compile (internal/modules/cjs/loader.js:1068:30)",
                "internal/main/run_main_module.js:17:47",
                "__init__ (/app/.venv/lib/python3.12/site-packages/aws_cdk/aws_sqs/__init__.py:4235)",
                "  File \"/usr/lib/python3/dist-packages/x.py\", line 3, in f",
                "  File \"<frozen runpy>\", line 198, in _run_module_as_main",
                "software.amazon.awscdk.services.lambda.Function.<init> (Function.java:40)",
                "at java.base/java.lang.Thread.run(Thread.java:833)",
                "software.amazon.jsii.JsiiObject.<init> (JsiiObject.java:72)",
                // Not a place in a file.
                "at com.example.App.main(Native Method)",
                "at com.example.App.main(Unknown Source)",
                "async Promise.all (index 0)",
                "eval (eval at load (/app/lib/x.js:1:2), <anonymous>:3:4)",
                "at <anonymous>:1:1",
                "new ApiStack (/app/lib/api-stack.js)",
                "new ApiStack (/app/lib/api-stack.js:0:0)",
                "new ApiStack (/app/lib/api-stack.js:99999999999:1)",
                "new ApiStack (:17:5)",
                "",
            })
    void noFrameOfTheUsersCode(String text) {
        assertThat(parse(text)).isEmpty();
    }

    @Test
    void aFrameLongerThanAnyRealOneIsNotRead() {
        String path = "/app/" + "a/".repeat(StackFrame.MAX_LENGTH) + "x.js";
        assertThat(parse("new X (" + path + ":1:1)")).isEmpty();
        assertThat(parse(null)).isEmpty();
    }

    @Test
    void aLongRunOfColonsAndParenthesesIsReadInOnePass() {
        // Text built to make a backtracking pattern slow: here, one scan, and no frame.
        String text = "f " + "(:".repeat(StackFrame.MAX_LENGTH / 2 - 2) + ")";
        assertThat(parse(text)).isEmpty();
    }
}
