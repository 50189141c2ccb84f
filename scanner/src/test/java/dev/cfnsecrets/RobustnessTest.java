package dev.cfnsecrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.report.Format;
import dev.cfnsecrets.report.ReportFixtures;
import dev.cfnsecrets.report.Reporters;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.scan.Scanner;
import dev.cfnsecrets.source.Span;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bad input under mutation (docs/architecture.md#limits-and-budgets): every fixture, broken in
 * thousands of seeded ways ({@link Mutator}), is scanned and reported without an exception, and
 * what comes out is well-formed: the file is counted, at most one CFS001 that names a line of the
 * file, catalogued rule ids, spans inside the file, property paths, and no planted secret in the
 * text report. The seed is fixed, so a failure names a mutant that can be replayed. The timeout
 * only guards against hangs.
 */
class RobustnessTest {
    private static final long SEED = 20261129L;
    private static final int MUTANTS_PER_FIXTURE = 80;
    private static final Scanner SCANNER = BuiltInRules.scanner(ScanOptions.DEFAULT);
    private static final Catalog CATALOG = Catalog.bundled();

    @Test
    @Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void mutatedFixturesAreScannedAndReportedWellFormed() {
        List<Path> fixtures = fixtures();
        List<byte[]> originals = fixtures.stream().map(RobustnessTest::read).toList();
        int total = fixtures.size() * MUTANTS_PER_FIXTURE;
        Collection<String> problems = ConcurrentHashMap.newKeySet();
        AtomicInteger reachedRules = new AtomicInteger();

        IntStream.range(0, total)
                .parallel()
                .forEach(
                        i -> {
                            int file = i % fixtures.size();
                            Mutator.Mutant mutant =
                                    new Mutator(SEED + i).mutate(originals.get(file));
                            String name =
                                    "mutant "
                                            + i
                                            + " ("
                                            + mutant.operator()
                                            + " of "
                                            + Fixtures.root().relativize(fixtures.get(file))
                                            + ")";
                            try {
                                ScanResult result =
                                        SCANNER.scan(
                                                List.of(Scanner.STDIN),
                                                () -> new ByteArrayInputStream(mutant.bytes()));
                                if (result.findings().stream()
                                        .anyMatch(f -> !f.ruleId().equals("CFS001"))) {
                                    reachedRules.incrementAndGet();
                                }
                                List<String> broken = check(mutant, result);
                                broken.forEach(
                                        p -> problems.add(name + ": " + hide(p, mutant.planted())));
                            } catch (Throwable t) {
                                problems.add(
                                        name
                                                + " threw "
                                                + t.getClass().getName()
                                                + ": "
                                                + hide(
                                                        String.valueOf(t.getMessage()),
                                                        mutant.planted())
                                                + " at "
                                                + (t.getStackTrace().length > 0
                                                        ? t.getStackTrace()[0]
                                                        : "?"));
                            }
                        });

        assertThat(problems).as("%d mutants", total).isEmpty();
        // Mutants that only ever fail to parse would test the parser alone.
        assertThat(reachedRules.get())
                .as("mutants with findings of CFS1xx-3xx rules")
                .isGreaterThan(total / 5);
    }

    /** How CFS001 says that a template with a duplicate key was scanned on. */
    private static final String SCANNED_ON = "it was scanned with the last value";

    /**
     * A credential found on the lines of a file that does not parse: it is next to that file's
     * CFS001, and has no property path, as there is no tree.
     */
    private static boolean inUnparsedFile(Finding f) {
        return f.message().contains("found in a file that could not be parsed");
    }

    /** What is wrong with the result of scanning one mutant; empty when it is well-formed. */
    private static List<String> check(Mutator.Mutant mutant, ScanResult result) {
        List<String> problems = new ArrayList<>();
        if (result.filesScanned() + result.filesSkipped() != 1) {
            problems.add(
                    "counted "
                            + result.filesScanned()
                            + " scanned and "
                            + result.filesSkipped()
                            + " skipped");
        }
        int lines = lineCount(mutant.bytes());
        long unreadable =
                result.findings().stream().filter(f -> f.ruleId().equals("CFS001")).count();
        if (unreadable > 1) {
            problems.add(unreadable + " CFS001 findings for one file");
        }
        for (Finding f : result.findings()) {
            String where = f.ruleId() + " at " + f.span() + " (" + lines + " lines)";
            if (CATALOG.find(f.ruleId()).isEmpty()) {
                problems.add("rule id not in the catalog: " + where);
            }
            if (f.message() == null || f.message().isBlank()) {
                problems.add("empty message: " + where);
            }
            if (!inside(f.span(), lines)) {
                problems.add("span outside the file or reversed: " + where);
            }
            if (f.propertyPath() == null
                    || !f.ruleId().equals("CFS001")
                            && !inUnparsedFile(f)
                            && f.propertyPath().isEmpty()) {
                problems.add("no property path: " + where);
            }
            if (!f.file().equals("<stdin>")) {
                problems.add("wrong file " + f.file() + ": " + where);
            }
            if (f.message().contains(Scanner.INTERNAL_ERROR)) {
                problems.add("a bug contained as CFS001: " + f.message());
            }
            if (f.ruleId().equals("CFS001")
                    && !f.message().contains("line " + f.span().startLine())) {
                problems.add("CFS001 message does not name its line: " + where);
            }
            if (f.ruleId().equals("CFS001")
                    && !f.message().contains(SCANNED_ON)
                    && !result.findings().stream().allMatch(o -> o == f || inUnparsedFile(o))) {
                problems.add("CFS001 next to other findings: " + where);
            }
        }
        String rendered = ReportFixtures.render(Reporters.of(Format.TEXT, false, false), result);
        for (String secret : mutant.planted()) {
            if (rendered.contains(secret)) {
                problems.add(
                        "text report prints a planted secret (" + secret.substring(0, 4) + "…)");
            }
        }
        return problems;
    }

    private static boolean inside(Span span, int lines) {
        boolean ordered =
                span.startLine() < span.endLine()
                        || span.startLine() == span.endLine()
                                && span.startColumn() <= span.endColumn();
        return ordered
                && span.startLine() >= 1
                && span.startColumn() >= 1
                && span.endLine() <= lines;
    }

    /** Lines as an editor counts them: the bytes decode or not, '\n' is one byte in UTF-8. */
    private static int lineCount(byte[] bytes) {
        int lines = 1;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** Failure messages must not print planted secrets either. */
    private static String hide(String text, List<String> planted) {
        String out = text;
        for (String secret : planted) {
            out = out.replace(secret, "<planted>");
        }
        return out.length() > 500 ? out.substring(0, 500) + "…" : out;
    }

    private static List<Path> fixtures() {
        List<Path> found = Fixtures.files(Fixtures.root());
        assertThat(found).hasSizeGreaterThan(50);
        return found;
    }

    private static byte[] read(Path file) {
        try {
            return Objects.requireNonNull(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
