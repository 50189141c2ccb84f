package dev.cfnsecrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.config.Config;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the scanner over {@code fixtures/} and compares with the marks written in the fixtures. A
 * fixture directory with its own {@code .cfn-secrets.yml} (custom rules) is scanned with it.
 */
class FixtureTest {
    private static Path root;
    private static Fixtures fixtures;
    private static TreeMap<Fixtures.Mark, List<String>> reported;

    @BeforeAll
    static void scan() {
        root = Fixtures.root();
        fixtures = Fixtures.read(root);
        List<Path> configured = Fixtures.configDirectories(root);
        reported = new TreeMap<>();
        // A directory with its own configuration is scanned with it, and only with it. The CDK
        // app's assemblies carry no marks: CdkAppFixtureTest checks them.
        record(
                scan(root, ScanOptions.DEFAULT, Catalog.bundled()),
                file ->
                        configured.stream().noneMatch(file::startsWith)
                                && !Fixtures.inCdkApp(root, file));
        for (Path dir : configured) {
            Config config = Fixtures.config(dir);
            record(
                    scan(
                            dir,
                            ScanOptions.from(config),
                            Catalog.bundled().withCustomRules(config.customRules())),
                    file -> true);
        }
    }

    private static ScanResult scan(Path path, ScanOptions options, Catalog catalog) {
        return BuiltInRules.scanner(options, catalog).scan(List.of(path.toString()), NoStdin::read);
    }

    private static void record(ScanResult result, Predicate<Path> keep) {
        for (Finding f : result.findings()) {
            Path file = Path.of(f.file()).toAbsolutePath().normalize();
            if (!f.isSuppressed() && keep.test(file)) {
                Fixtures.record(reported, root.relativize(file).toString().replace('\\', '/'), f);
            }
        }
    }

    @Test
    void everyExpectedFindingIsReported() {
        assertThat(fixtures.missing(reported))
                .as("expected findings that were not reported")
                .isEmpty();
    }

    @Test
    void nothingIsReportedThatIsNotExpected() {
        assertThat(fixtures.unexpected(reported)).as("findings no fixture expects").isEmpty();
    }

    @Test
    void okMarksAreNotReported() {
        assertThat(fixtures.reportedOk(reported)).as("findings on lines marked ok").isEmpty();
        assertThat(fixtures.ok).as("ok marks").isNotEmpty();
    }

    @Test
    void expectedMessagesAreReported() {
        assertThat(fixtures.wrongMessages(reported))
                .as("findings without the message fragment of their mark")
                .isEmpty();
        assertThat(fixtures.expectations)
                .as("marks with a message fragment")
                .anySatisfy(e -> assertThat(e.fragment()).isNotEmpty());
    }
}
