package dev.cfnsecrets.envsize;

import java.util.Map;

/**
 * Byte counts of compact JSON in UTF-8, as Lambda measures the environment
 * (docs/facts.md#how-the-size-is-measured: the error quotes the map as {@code {"K":"V",…}}) and as
 * Jackson writes it by default: {@code "} and {@code \} are escaped with a backslash; the control
 * characters U+0000–U+001F become {@code \b \t \n \f \r} or <code>&#92;u00XX</code>; every other
 * character, U+007F and non-ASCII included, is written as its UTF-8 bytes.
 *
 * <p>Non-ASCII is counted as raw UTF-8 (2–4 bytes a character), not as Python's <code>&#92;uXXXX
 * </code> escape (6 bytes a UTF-16 unit) that LocalStack's emulation of the check produces. The AWS
 * message shows UTF-8 JSON and the documentation speaks of bytes; which one AWS uses is not
 * documented, so a value with many non-ASCII characters near the limit is worth a real deployment
 * test. A lone surrogate cannot be encoded and is counted as U+FFFD, 3 bytes.
 */
public final class JsonSize {
    private JsonSize() {}

    /** UTF-8 bytes of {@code text} inside a JSON string, without the surrounding quotes. */
    public static long escapedBytes(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += charBytes(c);
            }
        }
        return bytes;
    }

    private static int charBytes(char c) {
        if (c == '"' || c == '\\') {
            return 2;
        }
        if (c < 0x20) {
            return shortEscape(c) ? 2 : 6;
        }
        if (c < 0x80) {
            return 1;
        }
        return c < 0x800 ? 2 : 3;
    }

    private static boolean shortEscape(char c) {
        return c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    /** Bytes of one member {@code "key":"value"} (no separating comma). */
    public static long memberBytes(CharSequence key, CharSequence value) {
        return escapedBytes(key) + escapedBytes(value) + 5;
    }

    /** Bytes of the compact JSON object {@code {"K1":"V1","K2":"V2"}} of a string map. */
    public static long objectBytes(Map<String, String> members) {
        long bytes = 2 + Math.max(0, members.size() - 1);
        for (Map.Entry<String, String> e : members.entrySet()) {
            bytes += memberBytes(e.getKey(), e.getValue());
        }
        return bytes;
    }
}
