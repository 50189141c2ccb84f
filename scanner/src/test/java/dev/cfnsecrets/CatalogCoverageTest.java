package dev.cfnsecrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.catalog.RuleDescription;
import dev.cfnsecrets.rules.Rule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Every catalog entry has an implementation and fixtures both ways, and vice versa. */
class CatalogCoverageTest {
    private final Catalog catalog = Catalog.bundled();

    private TreeSet<String> catalogIds() {
        TreeSet<String> ids = new TreeSet<>();
        catalog.all().forEach(r -> ids.add(r.id()));
        return ids;
    }

    private static TreeSet<String> implementedIds() {
        TreeSet<String> ids = new TreeSet<>();
        BuiltInRules.of(Catalog.bundled()).forEach(r -> ids.add(r.id()));
        return ids;
    }

    @Test
    void catalogAndImplementationsMatch() {
        assertThat(implementedIds()).isEqualTo(catalogIds()).isNotEmpty();
    }

    @Test
    void bundledCatalogIsTheRepositoryCatalog() throws IOException {
        Catalog repo =
                Catalog.fromDirectory(
                        Path.of(System.getProperty("cfnsecrets.repo", "..")).resolve("rules"));
        assertThat(repo.all()).containsExactlyElementsOf(catalog.all());
    }

    @Test
    void everyRuleHasFixturesThatCatchAndThatLeaveAlone() {
        Fixtures fixtures = Fixtures.read(Fixtures.root());
        assertThat(fixtures.rulesCaught())
                .as("rules with a fixture they must catch")
                .containsAll(implementedIds());
        assertThat(fixtures.rulesLeftAlone())
                .as("rules with a fixture they must leave alone")
                .containsAll(implementedIds());
        TreeSet<String> known = catalogIds();
        known.addAll(Fixtures.customRuleIds(Fixtures.root()));
        assertThat(known)
                .as("fixtures name only catalog rules and their configurations' custom rules")
                .containsAll(fixtures.rulesCaught())
                .containsAll(fixtures.rulesLeftAlone());
    }

    @Test
    void everyRuleHasAFixtureFolderInItsFamilyThatCatchesItAndLeavesItAlone() {
        Fixtures fixtures = Fixtures.read(Fixtures.root());
        for (RuleDescription rule : catalog.all()) {
            String id = rule.id().toLowerCase(Locale.ROOT);
            String folder = id.substring(0, 4) + "xx/" + id + "-";
            Predicate<Fixtures.Mark> inFolder =
                    m -> m.file().startsWith(folder) && m.rule().equals(rule.id());
            assertThat(fixtures.expected)
                    .as("a case of %s in fixtures/%s…", rule.id(), folder)
                    .anyMatch(inFolder);
            assertThat(fixtures.ok)
                    .as("a case %s leaves alone in fixtures/%s…", rule.id(), folder)
                    .anyMatch(inFolder);
        }
    }

    @Test
    void everyEntryHasHelpWithBadAndGoodExamples() {
        for (RuleDescription rule : catalog.all()) {
            assertThat(rule.id()).matches("CFS\\d{3}");
            assertThat(rule.name()).matches("[a-z0-9-]+");
            assertThat(rule.summary()).isNotBlank();
            rule.securitySeverity()
                    .ifPresent(s -> assertThat(s).as(rule.id()).isBetween(0.1, 10.0));
            assertThat(rule.helpMarkdown()).as(rule.id()).contains("## Bad", "## Good", "```");
        }
    }

    @Test
    void rulesKnowTheirIds() {
        for (Rule rule : BuiltInRules.of(Catalog.bundled())) {
            assertThat(catalog.find(rule.id())).as(rule.id()).isPresent();
        }
    }
}
