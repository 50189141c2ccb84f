package dev.cfnsecrets.rules.cfs1xx;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.Fixtures;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Location;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.source.SourceFile;
import dev.cfnsecrets.source.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The exact spans of the findings of a CFS1 fixture, as {@code RULE line:column-line:column} (the
 * fixtures' marks check lines only), optionally followed by {@code @span} for each related location
 * where a piece written elsewhere (a Mapping entry, a Default) holds the secret.
 */
final class FixtureSpans {
    private FixtureSpans() {}

    static List<String> of(String fixture, boolean writtenElsewhere) throws IOException {
        Path file = Fixtures.root().resolve("cfs1xx").resolve(fixture);
        return BuiltInRules.scanner(ScanOptions.DEFAULT)
                .scan(new SourceFile(fixture, Files.readString(file)))
                .findings()
                .stream()
                .map(f -> spans(f, writtenElsewhere))
                .toList();
    }

    private static String spans(Finding f, boolean writtenElsewhere) {
        StringBuilder s = new StringBuilder(f.ruleId()).append(' ').append(span(f.span()));
        for (Location r : f.related()) {
            if (writtenElsewhere && r.message().startsWith("the value is written here")) {
                s.append(" @").append(span(r.span()));
            }
        }
        return s.toString();
    }

    private static String span(Span s) {
        return s.startLine() + ":" + s.startColumn() + "-" + s.endLine() + ":" + s.endColumn();
    }
}
