package dev.cfnsecrets.report;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a SARIF report needs beyond the findings: the folder display paths are relative to, the
 * folder {@code %SRCROOT%} stands for ({@link SourceRoot}), and the exit status the scan ends with
 * (empty where no process exits with it, as in the Maven plugin).
 */
public record SarifContext(Path workingDirectory, Path sourceRoot, Optional<Integer> exitCode) {

    public SarifContext {
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        sourceRoot = sourceRoot.toAbsolutePath().normalize();
    }

    /**
     * A scan from the process's working directory of paths in the repository at {@code root}
     * ({@link SourceRoot}, found once by the scan for its fingerprints too), that exits with a
     * status.
     */
    public static SarifContext of(Path root, int exitCode) {
        return new SarifContext(Path.of(""), root, Optional.of(exitCode));
    }

    /**
     * Paths relative to the working directory, and no exit status: the Maven plugin's report, whose
     * paths are relative to the directory Maven runs in (README, Maven plugin).
     */
    public static SarifContext ofWorkingDirectory() {
        Path cwd = Path.of("");
        return new SarifContext(cwd, cwd, Optional.empty());
    }
}
