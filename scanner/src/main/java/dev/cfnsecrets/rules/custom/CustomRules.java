package dev.cfnsecrets.rules.custom;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.rules.Rule;
import java.util.List;

/** The rules of this family: one {@link CustomRule} per custom rule definition of the catalog. */
public final class CustomRules {
    private CustomRules() {}

    public static List<Rule> rules(Catalog catalog) {
        return catalog.customRules().stream().<Rule>map(CustomRule::new).toList();
    }
}
