package dev.cfnsecrets.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The folder SARIF's {@code %SRCROOT%} stands for: code scanning reads a relative artifact URI as
 * relative to the repository's root (docs/facts.md#github-code-scanning), so it is the git work
 * tree that holds every scanned path, whatever folder the scan runs from; without one (paths
 * outside any repository, or in different ones), the working directory.
 */
public final class SourceRoot {
    private SourceRoot() {}

    /**
     * @param scanned the scan's paths, relative ones against {@code workingDirectory}
     */
    public static Path of(List<Path> scanned, Path workingDirectory) {
        Path cwd = workingDirectory.toAbsolutePath().normalize();
        Optional<Path> common = Optional.empty();
        for (Path path : scanned) {
            Optional<Path> root = workTree(cwd.resolve(path).normalize());
            if (root.isEmpty() || (common.isPresent() && !common.equals(root))) {
                return cwd;
            }
            common = root;
        }
        // Nothing scanned from the file system (standard input only): the working directory's.
        return common.orElseGet(() -> workTree(cwd).orElse(cwd));
    }

    /**
     * The nearest folder at or above {@code path} holding {@code .git} (a folder, or the file of a
     * linked worktree or submodule).
     */
    private static Optional<Path> workTree(Path path) {
        for (Path dir = path; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
