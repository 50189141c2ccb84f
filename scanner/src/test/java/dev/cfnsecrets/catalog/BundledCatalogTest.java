package dev.cfnsecrets.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The bundled catalog is read through the index the build writes ({@link Catalog#INDEX}); it must
 * hold every rule file of the repository's {@code rules/} folder, in id order, read alike.
 */
class BundledCatalogTest {
    private static final Path RULES =
            Path.of(System.getProperty("cfnsecrets.repo", "..")).resolve("rules");

    @Test
    void theIndexNamesEveryRuleFileOfTheRepository() throws IOException {
        Catalog fromFolder = Catalog.fromDirectory(RULES);

        assertThat(fromFolder.all()).hasSizeGreaterThan(10);
        assertThat(Catalog.bundled().all()).containsExactlyElementsOf(fromFolder.all());
    }
}
