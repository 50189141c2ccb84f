package dev.cfnsecrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.scan.Scanner;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the scanner over {@code fixtures/} and compares with the marks written in the fixtures. */
class FixtureTest {
    private static Path root;
    private static Fixtures fixtures;
    private static TreeSet<Fixtures.Mark> actual;

    @BeforeAll
    static void scan() {
        root = Fixtures.root();
        fixtures = Fixtures.read(root);
        ScanResult result = new Scanner(ScanOptions.DEFAULT).scan(List.of(root.toString()), () -> {
            throw new AssertionError("no stdin");
        });
        actual = new TreeSet<>();
        for (Finding f : result.findings()) {
            if (!f.isSuppressed()) {
                String file = root.relativize(Path.of(f.file()).toAbsolutePath().normalize()).toString().replace('\\', '/');
                actual.add(new Fixtures.Mark(file, f.span().startLine(), f.ruleId()));
            }
        }
    }

    @Test
    void everyExpectedFindingIsReported() {
        TreeSet<Fixtures.Mark> missing = new TreeSet<>(fixtures.expected);
        missing.removeAll(actual);
        assertThat(Fixtures.describe(missing)).as("expected findings that were not reported").isEmpty();
    }

    @Test
    void nothingIsReportedThatIsNotExpected() {
        TreeSet<Fixtures.Mark> extra = new TreeSet<>(actual);
        extra.removeAll(fixtures.expected);
        assertThat(Fixtures.describe(extra)).as("findings no fixture expects").isEmpty();
    }

    @Test
    void okMarksAreNotReported() {
        TreeSet<Fixtures.Mark> wrong = new TreeSet<>(fixtures.ok);
        wrong.retainAll(actual);
        assertThat(Fixtures.describe(wrong)).as("findings on lines marked ok").isEmpty();
        assertThat(fixtures.ok).as("ok marks").isNotEmpty();
    }
}
