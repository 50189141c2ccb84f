package dev.cfnsecrets.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.cdk.SourceLocator.SourceLine;
import dev.cfnsecrets.source.Limits;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceLocatorTest {
    /** Where the compiled TypeScript app (test resource compiled-typescript/) was built. */
    private static final String BUILT_AT = "/home/runner/work/shop/shop/app/lib/";

    @TempDir Path checkout;
    private SourceLocator locator;

    @BeforeEach
    void setUp() throws IOException, URISyntaxException {
        Path compiled =
                Path.of(
                        Objects.requireNonNull(
                                        getClass()
                                                .getResource(
                                                        "/compiled-typescript/lib/api-stack.js"))
                                .toURI());
        Path lib = Files.createDirectories(checkout.resolve("app/lib"));
        for (String name : List.of("api-stack.ts", "api-stack.js", "api-stack.js.map")) {
            Files.copy(compiled.resolveSibling(name), lib.resolve(name));
        }
        Files.writeString(lib.resolve("tooling-stack.js"), "// no map beside it\n");
        locator = new SourceLocator(checkout, Limits.DEFAULT);
    }

    private Optional<SourceLine> locate(String... frames) {
        return locator.locate(List.of(frames), null);
    }

    private SourceLine line(String file, int line, int column) {
        return new SourceLine(checkout.resolve(file), line, column);
    }

    @Test
    void theFirstFrameOfTheUsersCodeThatIsInTheCheckout() {
        assertThat(
                        locate(
                                "...new Function2 in aws-cdk-lib...",
                                "new ToolingStack (/elsewhere/lib/other.js:3:1)",
                                "new ToolingStack (" + BUILT_AT + "tooling-stack.js:16:29)",
                                "<anonymous> (" + BUILT_AT + "api-stack.js:13:1)",
                                "...node internals..."))
                .contains(line("app/lib/tooling-stack.js", 16, 29));
    }

    @Test
    void compiledTypeScriptIsTakenBackThroughTheSourceMapBesideIt() {
        // Node prints this frame for the compiled file, and api-stack.ts:22:5 with
        // --enable-source-maps (see the resource's comment).
        assertThat(locate("new ApiStack (" + BUILT_AT + "api-stack.js:15:9)"))
                .contains(line("app/lib/api-stack.ts", 22, 5));
    }

    @Test
    void aSourceMapThatLeadsOutOfTheCheckoutIsNotFollowed() throws IOException {
        Path map = checkout.resolve("app/lib/api-stack.js.map");
        Files.writeString(
                map,
                Files.readString(map)
                        .replace(
                                "\"sources\":[\"api-stack.ts\"]",
                                "\"sources\":[\"../../../x.ts\"]"));
        Files.writeString(checkout.getParent().resolve("x.ts"), "outside\n");
        assertThat(locate("new ApiStack (" + BUILT_AT + "api-stack.js:15:9)"))
                .contains(line("app/lib/api-stack.js", 15, 9));
    }

    @Test
    void aBrokenSourceMapLeavesTheCompiledLine() throws IOException {
        Files.writeString(checkout.resolve("app/lib/api-stack.js.map"), "{\"version\":3,");
        assertThat(locate("new ApiStack (" + BUILT_AT + "api-stack.js:15:9)"))
                .contains(line("app/lib/api-stack.js", 15, 9));
    }

    @Test
    void noFrameInTheCheckoutLocatesNothing() {
        assertThat(
                        locate(
                                "...aws-cdk-lib...",
                                "(no user code in 10 frames, use --stack-trace-limit to capture more)"))
                .isEmpty();
        assertThat(locate("new X (/elsewhere/lib/other.js:3:1)")).isEmpty();
    }

    @Test
    void onlyTheFirstFramesAreRead() {
        String[] frames = new String[SourceLocator.MAX_FRAMES + 1];
        java.util.Arrays.fill(frames, "...aws-cdk-lib...");
        frames[SourceLocator.MAX_FRAMES] =
                "new ToolingStack (" + BUILT_AT + "tooling-stack.js:1:1)";
        assertThat(locate(frames)).isEmpty();
    }
}
