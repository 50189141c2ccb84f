package dev.cfnsecrets;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * The 2,200 real templates of the shared corpus, checked out next to the repository, and the lists
 * of what the tests expect on them. A test over the corpus is skipped where it is absent.
 */
public final class RealWorldCorpus {
    private static final Path ROOT =
            Path.of(System.getProperty("cfnsecrets.repo", ".."))
                    .resolve("../shared/corpus/realworld")
                    .toAbsolutePath()
                    .normalize();

    private RealWorldCorpus() {}

    /**
     * The corpus scanned with the rules {@code rules} (an id or a prefix) enables; skips the test
     * where it is absent.
     */
    public static ScanResult scan(String rules) {
        assumeTrue(Files.isDirectory(ROOT), "shared corpus not present at " + ROOT);
        return BuiltInRules.scanner(ScanOptions.DEFAULT.withRules(List.of(rules), List.of()))
                .scan(List.of(ROOT.toString()), InputStream::nullInputStream);
    }

    /**
     * The file of {@code f}, relative to the corpus, with forward slashes as the lists write it.
     */
    public static String file(Finding f) {
        return ROOT.relativize(Path.of(f.file()).toAbsolutePath().normalize())
                .toString()
                .replace('\\', '/');
    }

    /** The lines of the test resource {@code name}, without blank lines and {@code #} comments. */
    public static TreeSet<String> expected(String name) throws IOException {
        TreeSet<String> lines = new TreeSet<>();
        try (InputStream in = RealWorldCorpus.class.getResourceAsStream("/" + name)) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .forEach(lines::add);
        }
        return lines;
    }
}
