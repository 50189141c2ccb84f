package dev.cfnsecrets.report;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The OASIS SARIF 2.1.0 schema (a copy in the test resources: CI may lack the shared one). Public
 * and in the scanner's test jar, so that the Maven plugin's integration tests check their SARIF
 * files against the same schema.
 */
public final class SarifSchema {
    private static final Schema SCHEMA = load();

    private SarifSchema() {}

    /** What makes a SARIF document invalid, one message per violation; empty when it is valid. */
    public static List<String> violations(String document) {
        return SCHEMA.validate(document, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    public static List<String> violations(Path file) throws IOException {
        return violations(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static Schema load() {
        SchemaRegistry registry =
                SchemaRegistry.withDefaultDialect(
                        SpecificationVersion.DRAFT_4,
                        builder ->
                                builder.schemaRegistryConfig(
                                        SchemaRegistryConfig.builder()
                                                .formatAssertionsEnabled(true)
                                                .build()));
        try (InputStream in = SarifSchema.class.getResourceAsStream("/sarif-schema-2.1.0.json")) {
            if (in == null) {
                throw new IllegalStateException(
                        "sarif-schema-2.1.0.json is missing from the test class path");
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
