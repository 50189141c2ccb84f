package dev.cfnsecrets.eval;

import dev.cfnsecrets.source.ScalarNode;
import dev.cfnsecrets.source.SourceFile;
import dev.cfnsecrets.source.Span;

/**
 * Maps a character range of a scalar's value back to the source text, so that a finding inside a
 * long {@code Fn::Sub} string points at the exact characters. Exact for single-line plain and
 * quoted scalars; for escaped or multi-line ones it finds the piece in the node's raw text, and
 * falls back to the whole scalar.
 */
final class TextLocator {
    private final SourceFile source;

    TextLocator(SourceFile source) {
        this.source = source;
    }

    Span locate(ScalarNode node, int from, int to) {
        String value = node.value();
        if (from == 0 && to == value.length()) {
            return node.span();
        }
        Span span = node.span();
        int start = source.offset(span.startLine(), span.startColumn());
        int end = source.offset(span.endLine(), span.endColumn());
        String raw = source.text().substring(start, Math.max(start, end));
        int contentStart = quoted(node) ? 1 : 0;
        if (raw.length() >= contentStart * 2 + value.length()
                && raw.startsWith(value, contentStart)
                && raw.length() - contentStart * 2 == value.length()) {
            return source.span(start + contentStart + from, start + contentStart + to);
        }
        String piece = value.substring(from, to);
        if (!piece.isEmpty()) {
            int at = raw.indexOf(piece);
            if (at >= 0) {
                return source.span(start + at, start + at + piece.length());
            }
        }
        return span;
    }

    private static boolean quoted(ScalarNode node) {
        return node.style() == ScalarNode.Style.SINGLE_QUOTED
                || node.style() == ScalarNode.Style.DOUBLE_QUOTED
                || node.style() == ScalarNode.Style.JSON_STRING;
    }
}
