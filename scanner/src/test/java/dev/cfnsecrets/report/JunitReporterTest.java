package dev.cfnsecrets.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.source.Span;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** JUnit XML on real fixtures and hostile names, validated against the Ant JUnit schema. */
class JunitReporterTest {
    private static final Path CFS101 =
            Path.of(
                            System.getProperty("cfnsecrets.repo"),
                            "fixtures/cfs1xx/cfs101-credential-in-env")
                    .toAbsolutePath()
                    .normalize();
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-05-04T03:02:01.500Z"), ZoneOffset.UTC);

    @TempDir Path temp;

    private static String junit(ScanResult result) {
        return ReportFixtures.render(new JunitReporter(new Redactor(false), CLOCK), result);
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    @Test
    void findingsOfARealFixtureAreFailuresTypedByRule() throws Exception {
        Path lambda = CFS101.resolve("lambda.yaml");
        String xml = junit(ReportFixtures.scan(lambda));

        JunitSchema.validate(xml);
        Document doc = parse(xml);
        Element suite = elements(doc, "testsuite").get(1);
        assertThat(suite.getAttribute("name")).isEqualTo(lambda.toString());
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-05-04T03:02:01");
        List<Element> failures = elements(doc, "failure");
        assertThat(failures).hasSize(Integer.parseInt(suite.getAttribute("failures")));
        Element token = failures.get(0);
        Element testcase = (Element) token.getParentNode();
        assertThat(token.getAttribute("type")).isEqualTo("CFS101");
        assertThat(token.getAttribute("message")).contains("GitHub token");
        assertThat(token.getTextContent()).startsWith(lambda + ":18:");
        assertThat(testcase.getAttribute("name")).isEqualTo("CFS101 line 18: credential-in-env");
        assertThat(testcase.getAttribute("classname")).isEqualTo(lambda.toString());
        assertThat(xml).as("redacted").doesNotContain("ghp_HdaeyQl62PbUM9biY2EWa5S02kgVDIp4tlQI");
    }

    @Test
    void aCleanScanIsOnePassingTestcase() throws Exception {
        Path clean = CFS101.resolve("merge-key-clean.yaml");
        String xml = junit(ReportFixtures.scan(clean));

        JunitSchema.validate(xml);
        Document doc = parse(xml);
        assertThat(elements(doc, "failure")).isEmpty();
        List<Element> cases = elements(doc, "testcase");
        assertThat(cases).hasSize(1);
        assertThat(cases.get(0).getAttribute("name")).isEqualTo("1 file scanned");
        assertThat(cases.get(0).getAttribute("classname")).isEqualTo(JunitReporter.SCAN_SUITE);
        assertThat(cases.get(0).getChildNodes().getLength()).isZero();
        assertThat(elements(doc, "testsuite")).hasSize(1);
    }

    @Test
    void everyFixtureIsValidAndEveryFileASuite() throws Exception {
        ScanResult result =
                ReportFixtures.scan(Path.of(System.getProperty("cfnsecrets.repo"), "fixtures"));
        String xml = junit(result);

        JunitSchema.validate(xml);
        Document doc = parse(xml);
        long files = result.findings().stream().map(Finding::file).distinct().count();
        assertThat(elements(doc, "testsuite")).hasSize(1 + (int) files);
        long unsuppressed = result.findings().stream().filter(f -> !f.isSuppressed()).count();
        assertThat(elements(doc, "failure")).hasSize((int) unsuppressed);
        assertThat(elements(doc, "skipped")).hasSize((int) result.suppressedCount());
        assertThat(result.suppressedCount()).as("the fixtures hold suppressions").isPositive();
    }

    @Test
    void hostileFileNamesAndMessagesStayWellFormedAndValid() throws Exception {
        Catalog catalog = ReportFixtures.testCatalog(temp);
        String file = "evil\u0001]]><testcase name=\"x\"/>&amp;\u001b[31m\uFFFF.yaml";
        String message = "bad ]]> <failure type=\"y\"/> \u0000\u0007\u000b \uD800 & \u202e end";
        Finding finding =
                ReportFixtures.bareFinding(
                        "CFS101", Level.ERROR, message, file, new Span(2, 1, 2, 5));
        ScanResult result = ReportFixtures.inOneFile(catalog, finding, "a: b\nc: d\n");

        String xml = junit(result);

        JunitSchema.validate(xml);
        Document doc = parse(xml);
        assertThat(elements(doc, "testcase")).hasSize(2);
        Element failure = elements(doc, "failure").get(0);
        assertThat(failure.getAttribute("message"))
                .startsWith("bad ]]> <failure type=\"y\"/> ")
                .contains("\\u0000\\u0007\\u000b", "& \\u202e end")
                .doesNotContain("\u0000", "\u202e");
        assertThat(elements(doc, "testsuite").get(1).getAttribute("name"))
                .isEqualTo("evil\\u0001]]><testcase name=\"x\"/>&amp;\\u001b[31m\uFFFD.yaml");
    }

    @Test
    void suppressedFindingsAreSkippedNotFailed() throws Exception {
        Catalog catalog = ReportFixtures.testCatalog(temp);
        String xml =
                junit(
                        ReportFixtures.handBuilt(
                                catalog,
                                ReportFixtures.tokenFinding(),
                                ReportFixtures.suppressedFinding()));

        JunitSchema.validate(xml);
        Document doc = parse(xml);
        assertThat(elements(doc, "failure")).hasSize(1);
        assertThat(elements(doc, "skipped")).hasSize(1);
        Element suite = elements(doc, "testsuite").get(1);
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(xml).doesNotContain(ReportFixtures.GITHUB_TOKEN);
    }

    @Test
    void theSchemaRejectsWhatItShould() {
        // The validator is live: a testcase without its required classname is refused.
        String invalid =
                "<testsuites><testsuite name=\"a\" package=\"p\" id=\"0\""
                        + " timestamp=\"2026-01-01T00:00:00\" hostname=\"h\" tests=\"1\""
                        + " failures=\"0\" errors=\"0\" time=\"0\"><properties/>"
                        + "<testcase name=\"t\" time=\"0\"/><system-out/><system-err/>"
                        + "</testsuite></testsuites>";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JunitSchema.validate(invalid))
                .hasMessageContaining("classname");
    }
}
