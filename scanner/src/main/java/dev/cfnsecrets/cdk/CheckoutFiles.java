package dev.cfnsecrets.cdk;

import dev.cfnsecrets.source.BoundedMemo;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files of the scanned checkout that a creation stack's paths name. The paths are those of the
 * machine that synthesised the app, and anyone may have written them, so a path is taken only as a
 * name to look for inside the checkout, never followed:
 *
 * <ol>
 *   <li>a relative path (a Python frame's may be relative to the app's folder, a Java frame's is
 *       its package's folders and the file): in the app's folder when the caller knows it, else the
 *       checkout's, as it is or under {@code src/main/java} (or {@code kotlin}, {@code scala});
 *       nowhere else;
 *   <li>the same absolute path, when the app was synthesised in this checkout (CI usually is);
 *   <li>else the longest end of the path that is a file of the checkout: {@code
 *       /home/runner/work/shop/shop/infra/lib/api-stack.js} is {@code infra/lib/api-stack.js} of a
 *       checkout anywhere else (another machine, a container that mounts the repository);
 *   <li>else none: the finding stays on the template.
 * </ol>
 *
 * The file's whole path in the checkout must be the end of the frame's path: a file that only ends
 * the same way ({@code test/resources/lib/api-stack.js} for {@code …/cdk-app/lib/api-stack.js}) is
 * some other code, and a finding placed there would point at the wrong file. So a container that
 * mounts only a subfolder of the repository gives frames that name no file here.
 *
 * <p>A path with a {@code ..} segment, more than {@link #MAX_SEGMENTS} segments or a control
 * character names nothing. A file is taken only when it is a regular file, not a symbolic link, and
 * its real path (links of its folders resolved) lies inside the checkout's real path. What a path
 * names is remembered (for at most {@link #MAX_REMEMBERED} paths): the constructs of an app share
 * their frames.
 */
public final class CheckoutFiles {
    static final int MAX_SEGMENTS = 64;
    static final int MAX_REMEMBERED = 10_000;

    /** Where a relative path is looked for below a folder: Python's as is, the JVM's sources. */
    private static final List<String> SOURCE_FOLDERS =
            List.of("", "src/main/java", "src/main/kotlin", "src/main/scala");

    private final Path root;
    private final BoundedMemo<String, Optional<Path>> found = new BoundedMemo<>(MAX_REMEMBERED);
    private Path realRoot;

    /**
     * @param root the checkout: the repository root of the scan
     */
    public CheckoutFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The checkout's file that the absolute {@code framePath} names. */
    public Optional<Path> find(String framePath) {
        return find(framePath, null);
    }

    /**
     * The checkout's file that {@code framePath} names, a relative path being first taken in {@code
     * appFolder} (null: unknown).
     */
    public Optional<Path> find(String framePath, Path appFolder) {
        return found.get(
                appFolder + "\u0000" + framePath,
                key -> segments(framePath).flatMap(names -> look(framePath, names, appFolder)));
    }

    private Optional<Path> look(String framePath, List<String> names, Path appFolder) {
        if (!isAbsolute(framePath)) {
            return relative(names, appFolder);
        }
        Optional<Path> same = samePath(names).flatMap(this::accept);
        if (same.isPresent()) {
            return same;
        }
        for (int start = 0; start < names.size(); start++) {
            Optional<Path> file = accept(resolve(root, names.subList(start, names.size())));
            if (file.isPresent()) {
                return file;
            }
        }
        return Optional.empty();
    }

    /**
     * A relative path: in the app's folder, else the checkout's, each as it is or under a JVM
     * source folder (a Java frame's path starts at its package).
     */
    private Optional<Path> relative(List<String> names, Path appFolder) {
        List<Path> bases = appFolder == null ? List.of(root) : List.of(appFolder, root);
        for (Path base : bases) {
            for (String sources : SOURCE_FOLDERS) {
                Optional<Path> file = accept(resolve(base.resolve(sources), names));
                if (file.isPresent()) {
                    return file;
                }
            }
        }
        return Optional.empty();
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

    private static Path resolve(Path base, List<String> names) {
        Path path = base;
        for (String name : names) {
            path = path.resolve(name);
        }
        return path;
    }
}
