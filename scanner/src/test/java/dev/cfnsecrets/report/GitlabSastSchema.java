package dev.cfnsecrets.report;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * GitLab's SAST report schema 15.0.7, a copy in the test resources (its source and licence:
 * src/test/resources/SCHEMAS.md).
 */
final class GitlabSastSchema {
    static final String RESOURCE = "/gitlab-sast-report-format-15.0.7.json";

    private static final Schema SCHEMA = load();

    private GitlabSastSchema() {}

    /** What makes a report invalid, one message per violation; empty when it is valid. */
    static List<String> violations(String document) {
        return SCHEMA.validate(document, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private static Schema load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        try (InputStream in = GitlabSastSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test class path");
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
