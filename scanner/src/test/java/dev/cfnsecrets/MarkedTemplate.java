package dev.cfnsecrets;

import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.scan.Scanner;
import dev.cfnsecrets.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A template written in a test, with the marks of {@link Fixtures} in its text ({@code # expect:
 * CFS101}, {@code # expect: CFS101 "GitHub token"}, {@code # ok: CFS102}): scanned as {@value
 * #NAME}, its findings must be exactly the ones its marks expect, as in {@code fixtures/}.
 * Suppressed findings are not marked.
 */
public final class MarkedTemplate {
    public static final String NAME = "t.yaml";

    private MarkedTemplate() {}

    /** Scans {@code text} with the default options and checks it against its marks. */
    public static ScanResult scan(String text) {
        return scan(BuiltInRules.scanner(ScanOptions.DEFAULT), text);
    }

    /**
     * Scans {@code text} with {@code scanner} and checks it against its marks; the result, for more
     * assertions.
     */
    public static ScanResult scan(Scanner scanner, String text) {
        ScanResult result = scanner.scan(new SourceFile(NAME, text));
        TreeMap<Fixtures.Mark, List<String>> reported = new TreeMap<>();
        for (Finding f : result.findings()) {
            if (!f.isSuppressed()) {
                Fixtures.record(reported, NAME, f);
            }
        }
        Fixtures marks = Fixtures.ofText(NAME, text);
        List<String> problems = new ArrayList<>();
        marks.missing(reported).forEach(m -> problems.add("expected, not reported: " + m));
        marks.unexpected(reported).forEach(m -> problems.add("reported, not expected: " + m));
        marks.reportedOk(reported).forEach(m -> problems.add("reported on a line marked ok: " + m));
        marks.wrongMessages(reported).forEach(m -> problems.add("wrong message: " + m));
        if (!problems.isEmpty()) {
            throw new AssertionError(
                    "the findings differ from the marks of the template:\n  "
                            + String.join("\n  ", problems));
        }
        return result;
    }
}
