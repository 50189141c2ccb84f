package dev.cfnsecrets.catalog;

import dev.cfnsecrets.finding.Level;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled catalog as the build writes it (scanner/pom.xml runs {@link #main} on the
 * repository's {@code rules/}): every rule's fields already parsed, so that a start reads one small
 * resource instead of every rule file's YAML front matter, which took a sixth of a one-file scan's
 * CPU (BENCHMARKS.md, "Start-up (issue #15)"). The front matter stays the single source.
 */
final class CatalogIndex {
    /** Raised whenever the layout below changes, so that a stale index fails plainly. */
    private static final int LAYOUT = 1;

    private CatalogIndex() {}

    /** {@code CatalogIndex RULES_DIR OUTPUT_FILE}: the build step. */
    public static void main(String[] args) throws IOException {
        Path output = Path.of(args[1]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output))) {
            write(Catalog.fromDirectory(Path.of(args[0])).all(), out);
        }
    }

    static void write(Collection<RuleDescription> rules, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(LAYOUT);
        out.writeInt(rules.size());
        for (RuleDescription rule : rules) {
            out.writeUTF(rule.id());
            out.writeUTF(rule.level().name());
            out.writeUTF(rule.name());
            out.writeUTF(rule.summary());
            out.writeInt(rule.cwe().size());
            for (String cwe : rule.cwe()) {
                out.writeUTF(cwe);
            }
            out.writeBoolean(rule.securitySeverity().isPresent());
            out.writeDouble(rule.securitySeverity().orElse(0.0));
            out.writeUTF(rule.precision().name());
            out.writeUTF(rule.helpMarkdown());
        }
        out.flush();
    }

    /** The rules by id, in the order they were written. */
    static Map<String, RuleDescription> read(InputStream stream, String origin) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int layout = in.readInt();
        if (layout != LAYOUT) {
            throw new IllegalStateException(
                    origin + " has layout " + layout + ", not " + LAYOUT + ": rebuild the scanner");
        }
        int count = in.readInt();
        Map<String, RuleDescription> rules = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String id = in.readUTF();
            Level level = Level.valueOf(in.readUTF());
            String name = in.readUTF();
            String summary = in.readUTF();
            int cweCount = in.readInt();
            List<String> cwe = new ArrayList<>(cweCount);
            for (int c = 0; c < cweCount; c++) {
                cwe.add(in.readUTF());
            }
            boolean security = in.readBoolean();
            double severity = in.readDouble();
            Precision precision = Precision.valueOf(in.readUTF());
            String help = in.readUTF();
            rules.put(
                    id,
                    new RuleDescription(
                            id,
                            level,
                            name,
                            summary,
                            cwe,
                            security ? Optional.of(severity) : Optional.empty(),
                            precision,
                            help));
        }
        return rules;
    }
}
