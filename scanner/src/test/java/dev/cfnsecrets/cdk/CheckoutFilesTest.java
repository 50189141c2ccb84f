package dev.cfnsecrets.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckoutFilesTest {
    @TempDir Path temp;
    private Path checkout;
    private Path outside;
    private CheckoutFiles files;

    @BeforeEach
    void layOut() throws IOException {
        checkout = Files.createDirectories(temp.resolve("checkout"));
        outside = Files.createDirectories(temp.resolve("outside"));
        file(checkout.resolve("infra/lib/api-stack.js"));
        file(checkout.resolve("infra/bin/app.js"));
        file(checkout.resolve("tools/bin/app.js"));
        file(checkout.resolve("my_app/my_stack.py"));
        file(outside.resolve("secret.js"));
        files = new CheckoutFiles(checkout);
    }

    private static void file(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "// " + path.getFileName() + "\n");
    }

    private Optional<Path> find(String framePath) {
        return files.find(framePath);
    }

    @Test
    void theSamePathWhenTheAppWasSynthesisedInThisCheckout() {
        assertThat(find(checkout + "/infra/lib/api-stack.js"))
                .contains(checkout.resolve("infra/lib/api-stack.js"));
        assertThat(find(checkout.toUri() + "infra/lib/api-stack.js"))
                .contains(checkout.resolve("infra/lib/api-stack.js"));
    }

    @Test
    void elseTheLongestEndOfThePathThatIsAFileOfTheCheckout() throws IOException {
        // The checkout of another machine, a container's mount of the repository, a Windows path.
        assertThat(find("/home/runner/work/shop/shop/infra/lib/api-stack.js"))
                .contains(checkout.resolve("infra/lib/api-stack.js"));
        assertThat(find("/src/infra/bin/app.js")).contains(checkout.resolve("infra/bin/app.js"));
        assertThat(find("D:\\a\\shop\\shop\\infra\\lib\\api-stack.js"))
                .contains(checkout.resolve("infra/lib/api-stack.js"));
        file(checkout.resolve("lib/api-stack.js"));
        assertThat(find("/home/runner/work/shop/shop/infra/lib/api-stack.js"))
                .contains(checkout.resolve("infra/lib/api-stack.js"));
        assertThat(find("/home/runner/work/shop/shop/lib/api-stack.js"))
                .contains(checkout.resolve("lib/api-stack.js"));
    }

    @Test
    void aFileThatOnlyEndsTheSameWayIsSomeOtherCode() throws IOException {
        // A container that mounted infra/ alone as /app; a test resource of the same name.
        assertThat(find("/app/lib/api-stack.js")).isEmpty();
        file(checkout.resolve("test/resources/lib/stage.js"));
        assertThat(find("/home/runner/work/shop/shop/fixtures/app/lib/stage.js")).isEmpty();
    }

    @Test
    void aRelativePathIsTakenInTheAppsFolderThenFromTheRoot() throws IOException {
        file(checkout.resolve("infra/my_app/my_stack.py"));
        assertThat(files.find("my_app/my_stack.py", checkout.resolve("infra")))
                .contains(checkout.resolve("infra/my_app/my_stack.py"));
        assertThat(files.find("my_app/my_stack.py", null))
                .contains(checkout.resolve("my_app/my_stack.py"));
        assertThat(files.find("my_app/my_stack.py", checkout.resolve("tools")))
                .contains(checkout.resolve("my_app/my_stack.py"));
        // A relative path is not cut: the file name alone is not the file.
        file(checkout.resolve("my_stack.py"));
        assertThat(files.find("other/my_stack.py", null)).isEmpty();
    }

    @Test
    void aJavaFramesPathIsLookedForUnderTheJvmSourceFolders() throws IOException {
        file(checkout.resolve("infra/src/main/java/com/example/ApiStack.java"));
        file(checkout.resolve("src/main/kotlin/com/example/Tools.kt"));
        assertThat(files.find("com/example/ApiStack.java", checkout.resolve("infra")))
                .contains(checkout.resolve("infra/src/main/java/com/example/ApiStack.java"));
        assertThat(files.find("com/example/Tools.kt", checkout.resolve("infra")))
                .contains(checkout.resolve("src/main/kotlin/com/example/Tools.kt"));
        assertThat(files.find("com/example/ApiStack.java", null)).isEmpty();
    }

    @Test
    void aPathThatNamesNoFileOfTheCheckoutNamesNothing() {
        assertThat(find("/app/lib/other-stack.js")).isEmpty();
        assertThat(find(outside.resolve("secret.js").toString())).isEmpty();
    }

    @Test
    void aDotDotSegmentIsNeverFollowed() throws IOException {
        file(checkout.resolve("secret.js"));
        assertThat(find(checkout + "/infra/../../outside/secret.js")).isEmpty();
        assertThat(find(checkout + "/infra/lib/../../secret.js")).isEmpty();
        assertThat(find("../secret.js")).isEmpty();
    }

    @Test
    void aLinkOutOfTheCheckoutIsNotFollowed() throws IOException {
        Path fileLink = checkout.resolve("infra/lib/linked.js");
        Path folderLink = checkout.resolve("infra/shared");
        try {
            Files.createSymbolicLink(fileLink, outside.resolve("secret.js"));
            Files.createSymbolicLink(folderLink, outside);
        } catch (UnsupportedOperationException | FileSystemException e) {
            assumeThat(false).as("symbolic links on this file system").isTrue();
        }
        assertThat(find(fileLink.toString())).isEmpty();
        assertThat(find(folderLink.resolve("secret.js").toString())).isEmpty();
        assertThat(find("/build/infra/shared/secret.js")).isEmpty();
        assertThat(find("/build/infra/lib/linked.js")).isEmpty();
    }

    @Test
    void aPathWithControlCharactersOrTooManySegmentsNamesNothing() {
        assertThat(find("/app/lib/api-stack.js\u0000")).isEmpty();
        assertThat(find("/app/lib\n/api-stack.js")).isEmpty();
        assertThat(find("/a".repeat(CheckoutFiles.MAX_SEGMENTS) + "/infra/lib/api-stack.js"))
                .isEmpty();
        assertThat(find("/")).isEmpty();
        assertThat(find("file://%zz")).isEmpty();
    }
}
