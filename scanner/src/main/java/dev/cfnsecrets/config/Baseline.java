package dev.cfnsecrets.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The baseline file: findings accepted as they are, recorded by fingerprint so that a scan reports
 * them as suppressed. It holds hashes only, never a secret:
 *
 * <pre>{"version":1,"fingerprints":["…"]}</pre>
 */
public final class Baseline {
    static final int VERSION = 1;
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
        if (version == null || !version.isInt() || version.intValue() != VERSION) {
            throw new ConfigException(
                    file
                            + ": not a baseline file (expected {\"version\": 1, \"fingerprints\": [...]})");
        }
        JsonNode fingerprints = root.path("fingerprints");
        if (!fingerprints.isArray()) {
            throw new ConfigException(file + ": 'fingerprints' must be a list of strings");
        }
        Set<String> set = new LinkedHashSet<>();
        for (JsonNode fingerprint : fingerprints) {
            if (!fingerprint.isTextual()) {
                throw new ConfigException(file + ": 'fingerprints' must be a list of strings");
            }
            set.add(fingerprint.asText());
        }
        return set;
    }

    /**
     * Writes the fingerprints sorted and without duplicates, so that the file diffs well in review.
     */
    public static void write(Path file, Collection<String> fingerprints) throws IOException {
        var root = JSON.createObjectNode();
        root.put("version", VERSION);
        var list = root.putArray("fingerprints");
        new TreeSet<>(fingerprints).forEach(list::add);
        Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    }
}
