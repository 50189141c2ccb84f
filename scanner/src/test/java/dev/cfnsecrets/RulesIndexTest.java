package dev.cfnsecrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.catalog.RuleDescription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The index of {@code rules/README.md}, between its markers, is generated from the catalog (the
 * front matter of {@code rules/CFSnnn.md}); this test fails while the committed one is stale. With
 * {@code -Dcfnsecrets.writeRulesIndex=true} it writes the index instead; the prose around it is
 * left as it is.
 */
class RulesIndexTest {
    static final String BEGIN =
            "<!-- rules index: generated from the front matter of rules/CFSnnn.md by RulesIndexTest -->";
    static final String END = "<!-- end of rules index -->";
    static final String REGENERATE =
            "mvn -B -q -pl scanner test -Dtest=RulesIndexTest -Dcfnsecrets.writeRulesIndex=true";

    private static final Path RULES =
            Path.of(System.getProperty("cfnsecrets.repo", "..")).resolve("rules");

    /** The index: one table row per rule, in id order, linking to its file. */
    static String index(Catalog catalog) {
        StringBuilder out =
                new StringBuilder("| id | level | name | summary |\n|---|---|---|---|\n");
        for (RuleDescription rule : catalog.all()) {
            out.append("| [")
                    .append(rule.id())
                    .append("](")
                    .append(rule.id())
                    .append(".md) | ")
                    .append(rule.level().sarifName())
                    .append(" | ")
                    .append(rule.name())
                    .append(" | ")
                    .append(rule.summary().replace("|", "\\|"))
                    .append(" |\n");
        }
        return out.toString();
    }

    /** {@code readme} with {@code index} between its markers. */
    static String withIndex(String readme, String index) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin)
                .as("rules/README.md holds the markers %s and %s, in that order", BEGIN, END)
                .isNotNegative()
                .isLessThan(end);
        return readme.substring(0, begin + BEGIN.length()) + "\n" + index + readme.substring(end);
    }

    @Test
    void theCommittedIndexIsGeneratedFromTheCatalog() throws IOException {
        Path readme = RULES.resolve("README.md");
        String committed = Files.readString(readme, StandardCharsets.UTF_8);
        String generated = withIndex(committed, index(Catalog.fromDirectory(RULES)));
        if (Boolean.getBoolean("cfnsecrets.writeRulesIndex")) {
            Files.writeString(readme, generated, StandardCharsets.UTF_8);
            committed = generated;
        }
        assertThat(committed)
                .as("rules/README.md's index is stale; regenerate it with: " + REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void theIndexHasARowPerRuleAndKeepsTheProseAroundIt() {
        String readme = "intro\n" + BEGIN + "\nold rows\n" + END + "\nafter\n";
        String index = index(Catalog.bundled());
        assertThat(index.lines().filter(l -> l.startsWith("| [CFS")))
                .hasSize(Catalog.bundled().all().size());
        assertThat(index)
                .contains(
                        "| [CFS101](CFS101.md) | error | credential-in-env | An environment value");
        assertThat(withIndex(readme, index))
                .startsWith("intro\n" + BEGIN + "\n| id | level |")
                .endsWith("|\n" + END + "\nafter\n")
                .doesNotContain("old rows");
    }
}
