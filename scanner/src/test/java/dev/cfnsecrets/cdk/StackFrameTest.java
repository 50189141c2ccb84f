package dev.cfnsecrets.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StackFrameTest {

    private static Optional<StackFrame> parse(String text) {
        return StackFrame.parse(text);
    }

    @Test
    void aNodeFrameAsTheCdkRecordsIt() {
        // From fixtures/cdk-app's assemblies.
        assertThat(
                        parse(
                                "new ApiStack (/home/runner/work/cfn-secrets/cfn-secrets/fixtures/cdk-app/lib/api-stack.js:17:5)"))
                .contains(
                        new StackFrame(
                                "/home/runner/work/cfn-secrets/cfn-secrets/fixtures/cdk-app/lib/api-stack.js",
                                17,
                                5));
    }

    @Test
    void nodeFramesInTheirOtherShapes() {
        assertThat(parse("    at Object.<anonymous> (/app/bin/app.js:8:1)"))
                .contains(new StackFrame("/app/bin/app.js", 8, 1));
        assertThat(parse("/app/bin/app.js:13:1"))
                .contains(new StackFrame("/app/bin/app.js", 13, 1));
        assertThat(parse("at /app/bin/app.js:13:1"))
                .contains(new StackFrame("/app/bin/app.js", 13, 1));
        assertThat(parse("Stage.build [as synth] (/app/lib/stage.js:4:12)"))
                .contains(new StackFrame("/app/lib/stage.js", 4, 12));
        assertThat(parse("async main (file:///app/bin/app.mjs:9:3)"))
                .contains(new StackFrame("file:///app/bin/app.mjs", 9, 3));
        assertThat(parse("new ApiStack (/app/My (copy)/api-stack.js:2:7)"))
                .contains(new StackFrame("/app/My (copy)/api-stack.js", 2, 7));
        assertThat(parse("new ApiStack (C:\\work\\app\\lib\\api-stack.js:17:5)"))
                .contains(new StackFrame("C:\\work\\app\\lib\\api-stack.js", 17, 5));
    }

    @Test
    void typeScriptThroughTsNodeNamesTheTsFile() {
        assertThat(parse("new ApiStack (/app/lib/api-stack.ts:42:5)"))
                .contains(new StackFrame("/app/lib/api-stack.ts", 42, 5));
    }

    @Test
    void pythonFramesAsJsiiSendsThemAndAsTracebacksPrintThem() {
        assertThat(parse("MyStack.__init__ (/home/user/app/my_app/my_stack.py:42)"))
                .contains(new StackFrame("/home/user/app/my_app/my_stack.py", 42, 1));
        assertThat(parse("__init__ (/home/user/app.py:42:8)"))
                .contains(new StackFrame("/home/user/app.py", 42, 8));
        assertThat(parse("<module> (app.py:12)")).contains(new StackFrame("app.py", 12, 1));
        assertThat(parse("  File \"/home/user/app/app.py\", line 12, in <module>"))
                .contains(new StackFrame("/home/user/app/app.py", 12, 1));
    }

    @Test
    void javaFramesTakeTheirFoldersFromThePackage() {
        assertThat(parse("com.example.infra.ApiStack.<init> (ApiStack.java:42)"))
                .contains(new StackFrame("com/example/infra/ApiStack.java", 42, 1));
        assertThat(parse("\tat com.example.infra.ApiStack.<init>(ApiStack.java:42)"))
                .contains(new StackFrame("com/example/infra/ApiStack.java", 42, 1));
        assertThat(parse("at app//com.example.App.main(App.java:9)"))
                .contains(new StackFrame("com/example/App.java", 9, 1));
        assertThat(parse("com.example.ApiStack$Handlers.add (ApiStack.java:51)"))
                .contains(new StackFrame("com/example/ApiStack.java", 51, 1));
        assertThat(parse("App.main (App.java:9)")).contains(new StackFrame("App.java", 9, 1));
        assertThat(parse("com.example.ApiStack.<init> (ApiStack.kt:7)"))
                .contains(new StackFrame("com/example/ApiStack.kt", 7, 1));
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
