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

    /**
     * The scalar located last, with its raw source text and where its value starts there (-1: the
     * value is not written verbatim). A long {@code Fn::Sub} or {@code Fn::Split} asks for every
     * piece of the same scalar in turn; reading and comparing its raw text once per scalar instead
     * of once per piece keeps that linear in the scalar's length.
     */
    private ScalarNode lastNode;

    private String lastRaw;
    private int lastStart;
    private int lastVerbatimAt;

    TextLocator(SourceFile source) {
        this.source = source;
    }

    Span locate(ScalarNode node, int from, int to) {
        String value = node.value();
        if (from == 0 && to == value.length()) {
            return node.span();
        }
        if (node != lastNode) {
            read(node);
        }
        if (lastVerbatimAt >= 0) {
            return source.span(lastStart + lastVerbatimAt + from, lastStart + lastVerbatimAt + to);
        }
        String piece = value.substring(from, to);
        if (!piece.isEmpty()) {
            int at = lastRaw.indexOf(piece);
            if (at >= 0) {
                return source.span(lastStart + at, lastStart + at + piece.length());
            }
        }
        return node.span();
    }

    private void read(ScalarNode node) {
        String value = node.value();
        Span span = node.span();
        int start = source.offset(span.startLine(), span.startColumn());
        int end = source.offset(span.endLine(), span.endColumn());
        String raw = source.text().substring(start, Math.max(start, end));
        int contentStart = quoted(node) ? 1 : 0;
        boolean verbatim =
                raw.length() >= contentStart * 2 + value.length()
                        && raw.startsWith(value, contentStart)
                        && raw.length() - contentStart * 2 == value.length();
        lastNode = node;
        lastRaw = raw;
        lastStart = start;
        lastVerbatimAt = verbatim ? contentStart : -1;
    }

    private static boolean quoted(ScalarNode node) {
        return node.style() == ScalarNode.Style.SINGLE_QUOTED
                || node.style() == ScalarNode.Style.DOUBLE_QUOTED
                || node.style() == ScalarNode.Style.JSON_STRING;
    }
}
