package dev.cfnsecrets;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.rules.Rule;
import dev.cfnsecrets.rules.cfs0xx.Cfs0xxRules;
import dev.cfnsecrets.rules.cfs1xx.Cfs1xxRules;
import dev.cfnsecrets.rules.cfs2xx.Cfs2xxRules;
import dev.cfnsecrets.rules.cfs3xx.Cfs3xxRules;
import dev.cfnsecrets.rules.custom.CustomRules;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.Scanner;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the rule families meet the engine: the one place that knows every family. The engine
 * ({@code scan}, the rule API {@code rules}, {@code rules.values}) runs the rules it is given and
 * imports no family; the command line, live mode and the Maven plugin build their scanner here.
 */
public final class BuiltInRules {
    private BuiltInRules() {}

    /**
     * Every family's rules, then the custom rules of {@code catalog}; CFS001 runs last, as it
     * reports what the other rules' evaluation of a document could not finish.
     */
    public static List<Rule> of(Catalog catalog) {
        List<Rule> rules = new ArrayList<>();
        rules.addAll(Cfs1xxRules.rules());
        rules.addAll(Cfs2xxRules.rules());
        rules.addAll(Cfs3xxRules.rules());
        rules.addAll(CustomRules.rules(catalog));
        rules.addAll(Cfs0xxRules.rules());
        return List.copyOf(rules);
    }

    /** A scanner of the built-in rules and the custom rules of {@code catalog}. */
    public static Scanner scanner(ScanOptions options, Catalog catalog) {
        return new Scanner(options, catalog, of(catalog));
    }

    /** A scanner of the built-in rules and the bundled catalog. */
    public static Scanner scanner(ScanOptions options) {
        return scanner(options, Catalog.bundled());
    }
}
