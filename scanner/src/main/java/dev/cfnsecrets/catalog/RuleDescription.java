package dev.cfnsecrets.catalog;

import dev.cfnsecrets.finding.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A catalog entry: {@code rules/ID.md}, front matter plus a Markdown body with the help; or a
 * custom rule, whose {@code definedIn} names the custom-rules file it comes from (such a rule has
 * no page on the web).
 *
 * @param securitySeverity GitHub's 0–10 score for a security rule; empty for a correctness rule
 *     (front matter {@code kind: correctness}: a template that cannot be read or deployed)
 */
public record RuleDescription(
        String id,
        Level level,
        String name,
        String summary,
        List<String> cwe,
        Optional<Double> securitySeverity,
        Precision precision,
        String helpMarkdown,
        Optional<String> definedIn) {

    /**
     * GitHub code scanning shows at most this many characters of a rule's {@code fullDescription}
     * (docs/facts.md#github-code-scanning).
     */
    public static final int FULL_DESCRIPTION_LIMIT = 1000;

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
            Optional<Double> securitySeverity,
            Precision precision,
            String helpMarkdown) {
        this(
                id,
                level,
                name,
                summary,
                cwe,
                securitySeverity,
                precision,
                helpMarkdown,
                Optional.empty());
    }

    public boolean isCustom() {
        return definedIn.isPresent();
    }

    /** A rule about secrets and who can read them, as opposed to a template that will not work. */
    public boolean isSecurity() {
        return securitySeverity.isPresent();
    }

    /**
     * The first paragraph of "Why it matters" (the summary when there is none), cut at a sentence
     * end to fit {@value #FULL_DESCRIPTION_LIMIT} characters: the whole help is SARIF's {@code
     * help}.
     */
    public String fullDescription() {
        String first = whyItMatters().split("\n", 2)[0];
        if (first.length() <= FULL_DESCRIPTION_LIMIT) {
            return first;
        }
        int sentenceEnd = first.substring(0, FULL_DESCRIPTION_LIMIT + 1).lastIndexOf(". ");
        return sentenceEnd > 0
                ? first.substring(0, sentenceEnd + 1)
                : first.substring(0, FULL_DESCRIPTION_LIMIT - 1) + "…";
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
