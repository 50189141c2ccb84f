package dev.cfnsecrets;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.Arrays;

/**
 * The direction of the packages: the rule families depend on the engine (scan, the rule API {@code
 * rules}, {@code rules.values}) and on the catalog, never the other way round, so that a rule is
 * added in its family alone. Only the composition roots know the families: {@link BuiltInRules},
 * and live mode, which adds CFS305's rule across an account.
 */
@AnalyzeClasses(packages = "dev.cfnsecrets", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] FAMILIES = {
        "dev.cfnsecrets.rules.cfs0xx..",
        "dev.cfnsecrets.rules.cfs1xx..",
        "dev.cfnsecrets.rules.cfs2xx..",
        "dev.cfnsecrets.rules.cfs3xx..",
        "dev.cfnsecrets.rules.custom.."
    };

    @ArchTest
    static final ArchRule onlyTheCompositionRootsKnowTheFamilies =
            noClasses()
                    .that()
                    .resideOutsideOfPackages(withLive(FAMILIES))
                    .and()
                    .doNotBelongToAnyOf(BuiltInRules.class)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(FAMILIES)
                    .because("the engine runs the rules it is given, and BuiltInRules gives them");

    @ArchTest
    static final ArchRule theEngineDoesNotBuildItsRules =
            noClasses()
                    .that()
                    .resideInAnyPackage(
                            "dev.cfnsecrets.scan..",
                            "dev.cfnsecrets.rules",
                            "dev.cfnsecrets.rules.values..")
                    .should()
                    .dependOnClassesThat()
                    .belongToAnyOf(BuiltInRules.class);

    @ArchTest
    static final ArchRule theCatalogDependsOnNoRuleCode =
            noClasses()
                    .that()
                    .resideInAPackage("dev.cfnsecrets.catalog..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("dev.cfnsecrets.rules..", "dev.cfnsecrets.scan..")
                    .orShould()
                    .dependOnClassesThat()
                    .belongToAnyOf(BuiltInRules.class)
                    .because(
                            "the reporters and the command line read the catalog without the rules");

    @ArchTest
    static final ArchRule familiesDoNotDependOnEachOther =
            CompositeArchRule.of(
                    Arrays.stream(FAMILIES)
                            .<ArchRule>map(
                                    family ->
                                            noClasses()
                                                    .that()
                                                    .resideInAPackage(family)
                                                    .should()
                                                    .dependOnClassesThat()
                                                    .resideInAnyPackage(without(family)))
                            .toList());

    private static String[] withLive(String[] families) {
        String[] packages = Arrays.copyOf(families, families.length + 1);
        packages[families.length] = "dev.cfnsecrets.live..";
        return packages;
    }

    private static String[] without(String family) {
        return Arrays.stream(FAMILIES).filter(f -> !f.equals(family)).toArray(String[]::new);
    }
}
