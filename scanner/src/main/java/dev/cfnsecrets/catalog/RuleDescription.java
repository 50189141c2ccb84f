package dev.cfnsecrets.catalog;

import dev.cfnsecrets.finding.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A catalog entry: {@code rules/ID.md}, front matter plus a Markdown body with the help; or a
 * custom rule, whose {@code definedIn} names the custom-rules file it comes from (such a rule has
 * no page on the web).
 */
public record RuleDescription(
        String id,
        Level level,
        String name,
        String summary,
        List<String> cwe,
        double securitySeverity,
        String helpMarkdown,
        Optional<String> definedIn) {

    public RuleDescription {
        cwe = List.copyOf(cwe);
    }

    /** A built-in rule of the bundled catalog. */
    public RuleDescription(
            String id,
            Level level,
            String name,
            String summary,
            List<String> cwe,
            double securitySeverity,
            String helpMarkdown) {
        this(id, level, name, summary, cwe, securitySeverity, helpMarkdown, Optional.empty());
    }

    public boolean isCustom() {
        return definedIn.isPresent();
    }

    /**
     * The "Why it matters" section as plain text (one line per paragraph), or the summary when the
     * help has no such section: the long description of SARIF {@code fullDescription}.
     */
    public String whyItMatters() {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        boolean inSection = false;
        for (String line : helpMarkdown.split("\n", -1)) {
            if (line.startsWith("#")) {
                if (inSection) {
                    break;
                }
                inSection =
                        line.replaceFirst("^#+\\s*", "").strip().equalsIgnoreCase("Why it matters");
                continue;
            }
            if (!inSection) {
                continue;
            }
            if (line.isBlank()) {
                addParagraph(paragraphs, paragraph);
            } else {
                paragraph
                        .append(paragraph.length() == 0 ? "" : " ")
                        .append(line.strip().replace("`", ""));
            }
        }
        addParagraph(paragraphs, paragraph);
        return paragraphs.isEmpty() ? summary : String.join("\n", paragraphs);
    }

    private static void addParagraph(List<String> paragraphs, StringBuilder paragraph) {
        if (paragraph.length() > 0) {
            paragraphs.add(paragraph.toString());
            paragraph.setLength(0);
        }
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
