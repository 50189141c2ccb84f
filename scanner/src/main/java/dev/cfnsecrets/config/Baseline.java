package dev.cfnsecrets.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The baseline file: findings accepted as they are, recorded by fingerprint so that a scan reports
 * them as suppressed. Version 2 describes each finding for review, never with a secret (messages
 * are redacted as in reports):
 *
 * <pre>{"version":2,"findings":[{"rule":"…","file":"…","logicalId":"…","propertyPath":"…",
 * "message":"…","fingerprint":"…"}]}</pre>
 *
 * Version 1 files, fingerprints only ({@code {"version":1,"fingerprints":["…"]}}), are still read.
 * {@code report.BaselineWriter} writes version 2.
 */
public final class Baseline {
    public static final int VERSION = 2;
    private static final int FINGERPRINTS_ONLY = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Baseline() {}

    public static Set<String> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(ConfigFiles.read(file));
        } catch (JacksonException e) {
            // Where and what kind, never Jackson's message: it quotes the file's text, which may be
            // a secret.
            throw new ConfigException(
                    file
                            + ": not a baseline file (invalid JSON: "
                            + (e instanceof JsonEOFException
                                    ? "unexpected end of input"
                                    : "unexpected content")
                            + (e.getLocation() == null
                                    ? ""
                                    : " at line "
                                            + e.getLocation().getLineNr()
                                            + ", column "
                                            + e.getLocation().getColumnNr())
                            + ")");
        } catch (IOException e) {
            throw new ConfigException(
                    file + ": cannot read the baseline file (" + ConfigException.reason(e) + ")",
                    e);
        }
        JsonNode version = root == null ? null : root.get("version");
        if (version != null && version.isInt() && version.intValue() == VERSION) {
            return fingerprints(
                    file,
                    root.path("findings"),
                    "'findings' must be a list of" + " objects with a 'fingerprint' string",
                    JsonNode::isObject,
                    "fingerprint");
        }
        if (version != null && version.isInt() && version.intValue() == FINGERPRINTS_ONLY) {
            return fingerprints(
                    file,
                    root.path("fingerprints"),
                    "'fingerprints' must be a list of strings",
                    n -> true,
                    null);
        }
        throw new ConfigException(
                file
                        + ": not a baseline file (expected {\"version\": 2, \"findings\": [...]}"
                        + " or {\"version\": 1, \"fingerprints\": [...]})");
    }

    /**
     * The fingerprints of {@code list}: its strings, or each element's {@code field} when one is
     * named.
     */
    private static Set<String> fingerprints(
            Path file, JsonNode list, String expected, Predicate<JsonNode> element, String field) {
        if (!list.isArray()) {
            throw new ConfigException(file + ": " + expected);
        }
        Set<String> set = new LinkedHashSet<>();
        for (JsonNode node : list) {
            JsonNode fingerprint = field == null ? node : node.path(field);
            if (!element.test(node) || !fingerprint.isTextual()) {
                throw new ConfigException(file + ": " + expected);
            }
            set.add(fingerprint.asText());
        }
        return set;
    }
}
