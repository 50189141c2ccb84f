package dev.cfnsecrets.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Expands the paths given on the command line into the files to scan: directories recursively
 * (template extensions only, default excludes skipped; of a CDK cloud assembly only its templates,
 * see {@link CloudAssembly}), files as named whatever their extension.
 */
public final class FileWalker {
    private static final Set<String> EXTENSIONS = Set.of(".yaml", ".yml", ".json", ".template");
    private static final Set<String> EXCLUDED_DIRECTORIES =
            Set.of(".git", "node_modules", "target");

    private FileWalker() {}

    /**
     * A file to scan and the root it was found under: the directory given, or for a file given by
     * name its own directory. Nested stacks are followed only inside the root.
     */
    public record Found(Path file, Path root) {}

    /** Files under the given paths in a stable order; a missing path is an error for the caller. */
    public static List<Path> expand(List<Path> paths) {
        return expandWithRoots(paths).stream().map(Found::file).toList();
    }

    /** Like {@link #expand}, with the root each file was found under. */
    public static List<Found> expandWithRoots(List<Path> paths) {
        return expandWithRoots(paths, new CloudAssembly.Manifests());
    }

    /**
     * {@link #expandWithRoots(List)}, keeping the manifests of cloud assemblies it reads in {@code
     * manifests}.
     */
    static List<Found> expandWithRoots(List<Path> paths, CloudAssembly.Manifests manifests) {
        List<Found> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                walk(path, manifests).forEach(file -> files.add(new Found(file, path)));
            } else {
                Path directory = path.toAbsolutePath().getParent();
                files.add(new Found(path, directory == null ? path.toAbsolutePath() : directory));
            }
        }
        return files;
    }

    private static List<Path> walk(Path root, CloudAssembly.Manifests manifests) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(
                    root,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(
                                Path dir, BasicFileAttributes attrs) {
                            if (!dir.equals(root) && isExcluded(dir)) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            Optional<List<Path>> assembly = CloudAssembly.templates(dir, manifests);
                            assembly.ifPresent(found::addAll);
                            return assembly.isPresent()
                                    ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile() && hasTemplateExtension(file)) {
                                found.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            // An unreadable file inside a tree is reported when it is loaded; here
                            // we only list.
                            found.add(file);
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }

    static boolean isExcluded(Path dir) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if (EXCLUDED_DIRECTORIES.contains(name)) {
            return true;
        }
        Path parent = dir.getParent();
        String parentName =
                parent == null || parent.getFileName() == null
                        ? ""
                        : parent.getFileName().toString();
        return ("build".equals(name) && ".aws-sam".equals(parentName))
                || (name.startsWith("asset.") && "cdk.out".equals(parentName));
    }

    static boolean hasTemplateExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }
}
