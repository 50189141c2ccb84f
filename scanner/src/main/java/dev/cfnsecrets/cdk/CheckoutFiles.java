package dev.cfnsecrets.cdk;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The files of the scanned checkout that a creation stack's paths name. The paths are those of the
 * machine that synthesised the app, and anyone may have written them, so a path is taken only as a
 * name to look for inside the checkout, never followed:
 *
 * <ol>
 *   <li>the same absolute path, when the app was synthesised in this checkout (CI usually is);
 *   <li>else the checkout's file whose path ends in the longest run of the same folders and name (a
 *       checkout at another place, a container's mount, a Python frame's relative path); a tie
 *       between two files names neither;
 *   <li>else none: the finding stays on the template.
 * </ol>
 *
 * A path with a {@code ..} segment, longer than {@link #MAX_SEGMENTS} segments or with a control
 * character names nothing. A file is taken only when it is a regular file, not a symbolic link, and
 * its real path (links of its folders resolved) lies inside the checkout's real path. The checkout
 * is listed once, on the first path that needs it, without following links and without {@code
 * .git}, {@code node_modules}, {@code target}, other folders whose name starts with a dot, CDK
 * output ({@code cdk.out}, {@code asset.*}), at most {@link #MAX_LISTED_FILES} files.
 */
public final class CheckoutFiles {
    static final int MAX_SEGMENTS = 64;
    static final int MAX_LISTED_FILES = 200_000;
    private static final int MAX_DEPTH = 64;
    private static final Set<String> SKIPPED_FOLDERS = Set.of("node_modules", "target", "cdk.out");

    private final Path root;
    private Path realRoot;
    private Map<String, List<Path>> filesByName;

    /**
     * @param root the checkout: the repository root of the scan
     */
    public CheckoutFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The checkout's file that {@code framePath} names, absolute. */
    public Optional<Path> find(String framePath) {
        Optional<List<String>> segments = segments(framePath);
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = segments.get();
        Optional<Path> same =
                isAbsolute(framePath) ? samePath(names).flatMap(this::accept) : Optional.empty();
        return same.isPresent() ? same : longestCommonSuffix(names).flatMap(this::accept);
    }

    /**
     * {@code file}, if it is a regular file of the checkout (not a link, and inside it with links
     * resolved).
     */
    public Optional<Path> accept(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        if (!normal.startsWith(root) || !Files.isRegularFile(normal, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Path real = normal.toRealPath();
            return real.startsWith(realRoot()) ? Optional.of(normal) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private synchronized Path realRoot() throws IOException {
        if (realRoot == null) {
            realRoot = root.toRealPath();
        }
        return realRoot;
    }

    /** The path's names, or none if it is no acceptable path. */
    static Optional<List<String>> segments(String framePath) {
        String path = framePath;
        if (path.startsWith("file:")) {
            try {
                path = URI.create(path).getPath();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (path == null) {
                return Optional.empty();
            }
        }
        path = path.replace('\\', '/');
        if (path.length() >= 2 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':') {
            path = path.substring(2); // a Windows drive
        }
        List<String> names = new ArrayList<>();
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            String name = path.substring(start, end < 0 ? path.length() : end);
            if (name.equals("..") || hasControl(name) || names.size() == MAX_SEGMENTS) {
                return Optional.empty();
            }
            if (!name.isEmpty() && !name.equals(".")) {
                names.add(name);
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(names);
    }

    /** A path from the root: '/', '\\', a Windows drive or a file URL. */
    private static boolean isAbsolute(String path) {
        return path.startsWith("/")
                || path.startsWith("\\")
                || path.startsWith("file:")
                || (path.length() >= 3
                        && Character.isLetter(path.charAt(0))
                        && path.charAt(1) == ':'
                        && (path.charAt(2) == '/' || path.charAt(2) == '\\'));
    }

    private static boolean hasControl(String name) {
        return name.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** The path under the checkout when the frame's path starts with the checkout's. */
    private Optional<Path> samePath(List<String> names) {
        if (root.getNameCount() >= names.size()) {
            return Optional.empty();
        }
        for (int i = 0; i < root.getNameCount(); i++) {
            if (!root.getName(i).toString().equals(names.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(resolve(root, names.subList(root.getNameCount(), names.size())));
    }

    private Optional<Path> longestCommonSuffix(List<String> names) {
        List<Path> candidates = filesByName().getOrDefault(names.get(names.size() - 1), List.of());
        Path best = null;
        int bestLength = 0;
        boolean tie = false;
        for (Path candidate : candidates) {
            int length = commonSuffix(candidate, names);
            if (length > bestLength) {
                best = candidate;
                bestLength = length;
                tie = false;
            } else if (length == bestLength) {
                tie = true;
            }
        }
        return tie || best == null ? Optional.empty() : Optional.of(root.resolve(best));
    }

    private static int commonSuffix(Path relative, List<String> names) {
        int length = 0;
        int i = relative.getNameCount() - 1;
        int j = names.size() - 1;
        while (i >= 0 && j >= 0 && relative.getName(i).toString().equals(names.get(j))) {
            length++;
            i--;
            j--;
        }
        return length;
    }

    private static Path resolve(Path base, List<String> names) {
        Path path = base;
        for (String name : names) {
            path = path.resolve(name);
        }
        return path;
    }

    /** The checkout's files by name, relative to the root; listed on first use. */
    private synchronized Map<String, List<Path>> filesByName() {
        if (filesByName == null) {
            filesByName = listFiles();
        }
        return filesByName;
    }

    private Map<String, List<Path>> listFiles() {
        Map<String, List<Path>> byName = new HashMap<>();
        int[] count = {0};
        try {
            Files.walkFileTree(
                    root,
                    Set.<FileVisitOption>of(),
                    MAX_DEPTH,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(
                                Path dir, BasicFileAttributes attrs) {
                            return dir.equals(root) || !skipped(dir.getFileName().toString())
                                    ? FileVisitResult.CONTINUE
                                    : FileVisitResult.SKIP_SUBTREE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile()) {
                                byName.computeIfAbsent(
                                                file.getFileName().toString(),
                                                name -> new ArrayList<>())
                                        .add(root.relativize(file));
                                count[0]++;
                            }
                            return count[0] < MAX_LISTED_FILES
                                    ? FileVisitResult.CONTINUE
                                    : FileVisitResult.TERMINATE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            // What was listed so far is all there is to match.
        }
        return byName;
    }

    private static boolean skipped(String folder) {
        return folder.startsWith(".")
                || folder.startsWith("asset.")
                || SKIPPED_FOLDERS.contains(folder);
    }
}
