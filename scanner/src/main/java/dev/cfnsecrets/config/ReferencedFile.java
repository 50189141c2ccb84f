package dev.cfnsecrets.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a file named in the configuration ({@code baseline:}, {@code custom-rules:}) may be: inside
 * the repository of the configuration file, and a regular file. A pull request may change the
 * configuration, so without this it could make the scanner read any file of the CI machine (and
 * quote it in an error) or hang on {@code /dev/zero} or a FIFO.
 *
 * <p>The repository is the nearest directory at or above the configuration file's that holds {@code
 * .git} (the git work tree), else the configuration file's own directory. Paths are compared with
 * links resolved, so a link inside the repository cannot point out of it.
 */
final class ReferencedFile {
    private ReferencedFile() {}

    /**
     * {@code written} resolved against the directory of {@code origin}, links resolved; a file that
     * does not exist is returned as written (resolved), for its reader to report as missing.
     *
     * @param key the configuration key, for messages
     * @throws ConfigException when the file is outside the repository or not a regular file
     */
    static Path resolve(Path origin, String written, String key) {
        Path directory = origin.toAbsolutePath().normalize().getParent();
        if (directory == null) {
            return Path.of(written);
        }
        Path realDirectory = real(directory).orElse(directory);
        Path repository = repository(realDirectory);
        Path candidate = directory.resolve(written).normalize();
        Path real = real(candidate).orElse(realDirectory.resolve(written).normalize());
        if (!real.startsWith(repository)) {
            throw new ConfigException(
                    key
                            + ": '"
                            + written
                            + "' is outside the repository ("
                            + repository
                            + "): only files inside it may be named");
        }
        if (Files.exists(real, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new ConfigException(key + ": '" + written + "' is not a regular file");
        }
        return Files.exists(real) ? real : candidate;
    }

    /**
     * The nearest directory at or above {@code directory} with a {@code .git}, else {@code
     * directory}.
     */
    private static Path repository(Path directory) {
        for (Path d = directory; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                return d;
            }
        }
        return directory;
    }

    private static Optional<Path> real(Path path) {
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
