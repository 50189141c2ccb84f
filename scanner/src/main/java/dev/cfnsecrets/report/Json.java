package dev.cfnsecrets.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** The Jackson set-up shared by the JSON-based reports. */
final class Json {
    private Json() {}

    static ObjectMapper newMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().setCharacterEscapes(new LogSafeEscapes());
        return mapper.enable(SerializationFeature.INDENT_OUTPUT)
                // The caller owns the writer (it may be stdout): never close it behind its back.
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /**
     * A report printed to a CI log must hold no runner command: '#' is written <code>&#92;u0023
     * </code>, so that no {@code ##[} appears (no line starts with {@code ::} either: each starts
     * with indentation and a quote or a bracket); and what {@link SafeText} escapes in the Basic
     * Multilingual Plane (DEL, C1 controls, formatting characters, separators) is written as a
     * <code>&#92;u</code> escape, not raw. The JSON values stay the same.
     */
    private static final class LogSafeEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        LogSafeEscapes() {
            ascii['#'] = ESCAPE_STANDARD;
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return SafeText.mustEscape(ch)
                    ? new SerializedString(String.format(Locale.ROOT, "\\u%04X", ch))
                    : null;
        }
    }

    /** Writes {@code value} as indented JSON and a final line break. */
    static void write(ObjectMapper mapper, Object value, Writer out) throws IOException {
        mapper.writeValue(out, value);
        out.write("\n");
        out.flush();
    }
}
