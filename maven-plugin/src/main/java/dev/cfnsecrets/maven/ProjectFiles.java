package dev.cfnsecrets.maven;

import dev.cfnsecrets.scan.FileWalker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files one Maven project scans: its paths expanded as the command line expands them, minus
 * what lies in the directories of its modules. Each module scans its own files, so that a finding
 * is reported once, by the module that owns the file, and lands in that module's SARIF report.
 */
final class ProjectFiles {
    private ProjectFiles() {}

    /**
     * @param paths existing files or directories, absolute
     * @param moduleDirs the directories of the project's modules, absolute; a module directory is
     *     left out only of a directory walk that reaches it, never when it is named itself (or a
     *     path inside it is)
     */
    static List<Path> of(List<Path> paths, List<Path> moduleDirs) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            Path root = path.normalize();
            List<Path> nested =
                    moduleDirs.stream()
                            .map(Path::normalize)
                            .filter(
                                    dir ->
                                            Files.isDirectory(root)
                                                    && dir.startsWith(root)
                                                    && !dir.equals(root))
                            .toList();
            for (Path file : FileWalker.expand(List.of(root))) {
                if (nested.stream().noneMatch(file::startsWith)) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    /** A {@code <module>} names a directory or, as Maven also allows, a POM file in it. */
    static Path moduleDirectory(Path basedir, String module) {
        Path named = basedir.resolve(module).normalize();
        return Files.isRegularFile(named) ? named.getParent() : named;
    }
}
