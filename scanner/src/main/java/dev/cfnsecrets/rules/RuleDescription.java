package dev.cfnsecrets.rules;

import dev.cfnsecrets.finding.Level;
import java.util.List;

/** A catalog entry: {@code rules/ID.md}, front matter plus a Markdown body with the help. */
public record RuleDescription(
        String id,
        Level level,
        String name,
        String summary,
        List<String> cwe,
        double securitySeverity,
        String helpMarkdown) {

    public RuleDescription {
        cwe = List.copyOf(cwe);
    }

    /** The help as plain text: the Markdown without heading marks and code fences. */
    public String helpText() {
        StringBuilder out = new StringBuilder();
        for (String line : helpMarkdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                continue;
            }
            out.append(line.replaceFirst("^#+\\s*", "").replace("`", "")).append('\n');
        }
        return out.toString().strip() + "\n";
    }
}
