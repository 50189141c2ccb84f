package dev.cfnsecrets.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * A source map (version 3, as {@code tsc --sourceMap} writes it beside each {@code .js}): which
 * place of which original file a place of the generated file comes from. Only what a lookup needs
 * is read: {@code sources}, {@code sourceRoot} and {@code mappings}, whose segments are base64 VLQ
 * numbers (groups separated by ';' per generated line, segments by ','; each segment the generated
 * column, then the source index, the source line and column, maybe a name index, each relative to
 * the previous one). A map with sections (an index map) or a malformed one maps nothing.
 */
final class SourceMap {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE64 =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** A place of an original file: the {@code sourceRoot} and source as written, 0-based. */
    record Original(String source, int line, int column) {}

    private final String sourceRoot;
    private final JsonNode sources;
    private final String mappings;

    private SourceMap(String sourceRoot, JsonNode sources, String mappings) {
        this.sourceRoot = sourceRoot;
        this.sources = sources;
        this.mappings = mappings;
    }

    static Optional<SourceMap> parse(byte[] json) {
        JsonNode map;
        try {
            map = JSON.readTree(json);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (map == null
                || map.path("version").asInt() != 3
                || !map.path("mappings").isTextual()
                || !map.path("sources").isArray()) {
            return Optional.empty();
        }
        return Optional.of(
                new SourceMap(
                        map.path("sourceRoot").asText(""),
                        map.path("sources"),
                        map.path("mappings").asText()));
    }

    /**
     * Where the generated place ({@code line}, {@code column}, 0-based) comes from: the segment of
     * that line that starts last at or before the column, else the line's first segment.
     */
    Optional<Original> original(int line, int column) {
        Decoder decoder = new Decoder(mappings);
        int generatedLine = 0;
        int generatedColumn = 0;
        int[] source = new int[3]; // index, line, column: running sums across the whole map
        int[] best = null;
        int[] first = null;
        int[] values = new int[5];
        while (decoder.more() && generatedLine <= line) {
            char c = decoder.peek();
            if (c == ';' || c == ',') {
                decoder.skip();
                if (c == ';') {
                    generatedLine++;
                    generatedColumn = 0;
                }
                continue;
            }
            int count = decoder.segment(values);
            if (count != 1 && count != 4 && count != 5) {
                return Optional.empty();
            }
            generatedColumn += values[0];
            if (count == 1) {
                continue;
            }
            for (int i = 0; i < 3; i++) {
                source[i] += values[i + 1];
            }
            if (generatedLine == line) {
                first = first == null ? source.clone() : first;
                best = generatedColumn <= column ? source.clone() : best;
            }
        }
        int[] found = best != null ? best : first;
        if (found == null
                || found[0] < 0
                || found[0] >= sources.size()
                || found[1] < 0
                || found[2] < 0
                || !sources.get(found[0]).isTextual()) {
            return Optional.empty();
        }
        return Optional.of(
                new Original(sourceRoot + sources.get(found[0]).asText(), found[1], found[2]));
    }

    /** Reads base64 VLQ segments; a malformed number ends the segment with a count of -1. */
    private static final class Decoder {
        private static final int CONTINUATION = 32;
        private static final int DIGIT = 31;
        private static final int MAX_SHIFT = 30;

        private final String text;
        private int position;

        Decoder(String text) {
            this.text = text;
        }

        boolean more() {
            return position < text.length();
        }

        char peek() {
            return text.charAt(position);
        }

        void skip() {
            position++;
        }

        /** The numbers of one segment into {@code values}: how many, or -1 if malformed. */
        int segment(int[] values) {
            int count = 0;
            while (more() && peek() != ',' && peek() != ';') {
                if (count == values.length) {
                    return -1;
                }
                long value = 0;
                int shift = 0;
                int digit;
                do {
                    if (!more() || shift > MAX_SHIFT) {
                        return -1;
                    }
                    digit = BASE64.indexOf(text.charAt(position++));
                    if (digit < 0) {
                        return -1;
                    }
                    value += (long) (digit & DIGIT) << shift;
                    shift += 5;
                } while ((digit & CONTINUATION) != 0);
                long magnitude = value >>> 1;
                if (magnitude > Integer.MAX_VALUE) {
                    return -1;
                }
                values[count++] = (int) ((value & 1) == 0 ? magnitude : -magnitude);
            }
            return count;
        }
    }
}
