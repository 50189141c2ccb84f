package dev.cfnsecrets.report;

import dev.cfnsecrets.catalog.RuleDescription;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.scan.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, as the test tabs of Jenkins ({@code junit}), GitLab ({@code artifacts:reports:junit})
 * and Azure DevOps ({@code PublishTestResults}) read it, valid against the Ant JUnit schema:
 *
 * <ul>
 *   <li>a first {@code testsuite} named {@value #SCAN_SUITE} holding one passing {@code testcase},
 *       "N files scanned": the scan ran, so that a clean scan shows green rather than empty (a
 *       report without tests fails Jenkins' {@code junit} step);
 *   <li>one {@code testsuite} per file with findings, named by its path;
 *   <li>one failing {@code testcase} per unsuppressed finding: {@code failure type} is the rule id,
 *       {@code message} the (redacted) message, the body {@code file:line:column}, the rule's name
 *       and level;
 *   <li>one skipped {@code testcase} per suppressed finding;
 * </ul>
 *
 * Every text passes through {@link XmlText}, and the document is written by the JDK's StAX writer,
 * which escapes markup: file names and messages from templates cannot break the document.
 */
public final class JunitReporter implements Reporter {
    static final String SCAN_SUITE = ToolInfo.NAME;

    private final Redactor redactor;
    private final Clock clock;

    public JunitReporter(Redactor redactor, Clock clock) {
        this.redactor = redactor;
        this.clock = clock;
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        // The schema's timestamp has no time zone: the report is in UTC.
        String timestamp = ReportTime.now(clock);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            scanSuite(xml, result, timestamp);
            int id = 1;
            for (Map.Entry<String, List<Finding>> file : byFile(result).entrySet()) {
                suite(xml, id++, file.getKey(), file.getValue(), result, timestamp);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit XML report", e);
        }
        out.flush();
    }

    /** Every file with findings, with its findings in file order. */
    private static Map<String, List<Finding>> byFile(ScanResult result) {
        Map<String, List<Finding>> files = new TreeMap<>();
        for (Finding finding : result.findings()) {
            files.computeIfAbsent(finding.repositoryFile(), f -> new ArrayList<>()).add(finding);
        }
        return files;
    }

    private static void scanSuite(XMLStreamWriter xml, ScanResult result, String timestamp)
            throws XMLStreamException {
        startSuite(xml, 0, SCAN_SUITE, timestamp, 1, 0, 0);
        int files = result.filesScanned();
        xml.writeCharacters("\n    ");
        testcase(xml, files + (files == 1 ? " file scanned" : " files scanned"), SCAN_SUITE);
        xml.writeEndElement();
        endSuite(xml);
    }

    private void suite(
            XMLStreamWriter xml,
            int id,
            String file,
            List<Finding> findings,
            ScanResult result,
            String timestamp)
            throws XMLStreamException {
        long skipped = findings.stream().filter(Finding::isSuppressed).count();
        startSuite(xml, id, file, timestamp, findings.size(), findings.size() - skipped, skipped);
        for (Finding finding : findings) {
            xml.writeCharacters("\n    ");
            testcase(xml, caseName(finding, result), file);
            if (finding.isSuppressed()) {
                xml.writeEmptyElement("skipped");
            } else {
                failure(xml, finding, result);
            }
            xml.writeEndElement();
        }
        endSuite(xml);
    }

    private static void startSuite(
            XMLStreamWriter xml,
            int id,
            String name,
            String timestamp,
            long tests,
            long failures,
            long skipped)
            throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", name(name));
        xml.writeAttribute("package", ToolInfo.NAME);
        xml.writeAttribute("id", Integer.toString(id));
        xml.writeAttribute("timestamp", timestamp);
        // The scan's outcome does not depend on the machine: no host name is looked up.
        xml.writeAttribute("hostname", "localhost");
        xml.writeAttribute("tests", Long.toString(tests));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Long.toString(skipped));
        xml.writeAttribute("time", "0");
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("properties");
    }

    private static void endSuite(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("system-out");
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("system-err");
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void testcase(XMLStreamWriter xml, String name, String file)
            throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", name);
        xml.writeAttribute("classname", name(file));
        xml.writeAttribute("time", "0");
    }

    private void failure(XMLStreamWriter xml, Finding finding, ScanResult result)
            throws XMLStreamException {
        String message = redactor.clean(finding.message(), finding.secrets());
        xml.writeStartElement("failure");
        xml.writeAttribute("type", XmlText.inline(finding.ruleId()));
        xml.writeAttribute("message", XmlText.inline(message));
        String rule = result.catalog().find(finding.ruleId()).map(RuleDescription::name).orElse("");
        xml.writeCharacters(
                XmlText.of(
                        FindingLine.of(finding, redactor)
                                + "\n"
                                + (rule.isEmpty() ? "" : "rule: " + rule + "\n")
                                + "level: "
                                + finding.level().sarifName()
                                + "\n"));
        xml.writeEndElement();
    }

    /** {@code CFS101 line 18: credential-in-env}: the rule and the line, unique enough to read. */
    private static String caseName(Finding finding, ScanResult result) {
        String rule = result.catalog().find(finding.ruleId()).map(r -> ": " + r.name()).orElse("");
        return XmlText.inline(finding.ruleId() + " line " + finding.span().startLine() + rule);
    }

    /** The schema's names are tokens of at least one character. */
    private static String name(String file) {
        String name = XmlText.inline(file).strip();
        return name.isEmpty() ? "(unnamed)" : name;
    }
}
