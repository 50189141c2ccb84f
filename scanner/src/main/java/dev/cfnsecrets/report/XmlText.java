package dev.cfnsecrets.report;

/**
 * Text an XML 1.0 document can hold. The StAX writer escapes markup ({@code <}, {@code &}, quotes)
 * but writes any other character as it is, and a character outside XML's {@code Char} production
 * (control characters, lone surrogates, U+FFFE, U+FFFF) would make the document unreadable.
 */
final class XmlText {
    static final char REPLACEMENT = '\uFFFD';

    private XmlText() {}

    /**
     * {@code text} made safe as {@link SafeText#lines} makes it for a terminal (controls and
     * invisible formatting written as visible escapes), then every character XML 1.0 forbids that
     * is left replaced by U+FFFD.
     */
    static String of(String text) {
        return legal(SafeText.lines(text));
    }

    /** As {@link #of}, on one line: for attribute values. */
    static String inline(String text) {
        return legal(SafeText.inline(text));
    }

    private static String legal(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            out.appendCodePoint(isXmlChar(codePoint) ? codePoint : REPLACEMENT);
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    /** XML 1.0's {@code Char}: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-]. */
    private static boolean isXmlChar(int codePoint) {
        if (codePoint >= Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            return true;
        }
        // codePointAt returns a lone surrogate as itself.
        return codePoint == 0x9
                || codePoint == 0xA
                || codePoint == 0xD
                || (codePoint >= 0x20 && codePoint <= 0xD7FF)
                || (codePoint >= 0xE000 && codePoint <= 0xFFFD);
    }
}
