package dev.cfnsecrets.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The repository root: the one folder that exclude globs, fingerprints (so baselines) and SARIF's
 * {@code %SRCROOT%} take paths relative to, so that none of them depends on the folder a scan runs
 * from. Code scanning reads a relative artifact URI as relative to the repository's root
 * (docs/facts.md#github-code-scanning). The first that applies:
 *
 * <ol>
 *   <li>the git work tree that holds every scanned path;
 *   <li>the configuration file's folder, when it holds every scanned path: a project without git
 *       keeps its configuration at its top, so scans from any folder agree;
 *   <li>the working directory.
 * </ol>
 *
 * <p>The configuration file may be named by someone else (a CI step's {@code --config}, a file in a
 * pull request), so its folder is taken only when every scanned path lies inside it: a
 * configuration kept elsewhere says nothing about where the scanned project begins, and would only
 * turn paths into {@code ../} walks or absolute paths in the reports. It is the folder as named,
 * not with links resolved (like the scanned paths), so a configuration file that is a link cannot
 * move the root to where the link points.
 */
public final class SourceRoot {
    private SourceRoot() {}

    /**
     * @param scanned the scan's paths, relative ones against {@code workingDirectory}; none
     *     (standard input only) stands for the working directory
     * @param configFile the configuration file in effect, relative to {@code workingDirectory}
     */
    public static Path of(List<Path> scanned, Path workingDirectory, Optional<Path> configFile) {
        Path cwd = workingDirectory.toAbsolutePath().normalize();
        List<Path> paths =
                scanned.isEmpty()
                        ? List.of(cwd)
                        : scanned.stream().map(p -> cwd.resolve(p).normalize()).toList();
        return commonWorkTree(paths)
                .or(() -> configurationFolder(configFile, cwd, paths))
                .orElse(cwd);
    }

    /** The configuration file's folder, when every path lies inside it. */
    private static Optional<Path> configurationFolder(
            Optional<Path> configFile, Path cwd, List<Path> paths) {
        return configFile
                .map(file -> cwd.resolve(file).normalize().getParent())
                .filter(folder -> paths.stream().allMatch(path -> path.startsWith(folder)));
    }

    /** The work tree holding every path, if they all lie in the same one. */
    private static Optional<Path> commonWorkTree(List<Path> paths) {
        Optional<Path> common = workTree(paths.get(0));
        for (Path path : paths.subList(1, paths.size())) {
            if (!workTree(path).equals(common)) {
                return Optional.empty();
            }
        }
        return common;
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
