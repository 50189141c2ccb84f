package dev.cfnsecrets.source;

/**
 * A scalar with its text as written (after YAML/JSON unescaping) and what kind of literal it is.
 */
public record ScalarNode(String value, Kind kind, Style style, Span span, String path)
        implements Node {

    public enum Kind {
        STRING,
        NUMBER,
        BOOLEAN,
        NULL
    }

    /**
     * How the scalar is written; lets a locator map offsets in {@link #value()} back to the source.
     */
    public enum Style {
        PLAIN,
        SINGLE_QUOTED,
        DOUBLE_QUOTED,
        BLOCK,
        JSON_STRING
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }
}
