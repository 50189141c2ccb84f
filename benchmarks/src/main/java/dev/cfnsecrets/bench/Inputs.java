package dev.cfnsecrets.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's own inputs are, for benchmarks that read {@code fixtures/}. */
final class Inputs {
    private Inputs() {}

    /**
     * The checkout root: the first directory from the working directory upwards that holds {@code
     * fixtures/}.
     */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("fixtures"))
                    && Files.isDirectory(dir.resolve("rules"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "run the benchmarks from inside a cfn-secrets checkout (no fixtures/ found above "
                        + Path.of("").toAbsolutePath()
                        + ")");
    }
}
