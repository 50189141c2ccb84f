package dev.cfnsecrets.source;

/** Why a file could not be read as a template, and where (1-based line and column). */
public final class InputProblem extends Exception {
    private final Span span;
    private final boolean malformed;

    public InputProblem(String message, Span span) {
        this(message, span, false);
    }

    public InputProblem(String message, int line, int column) {
        this(message, Span.point(Math.max(1, line), Math.max(1, column)));
    }

    private InputProblem(String message, Span span, boolean malformed) {
        super(message, null, false, false);
        this.span = span;
        this.malformed = malformed;
    }

    /**
     * A text that is not valid YAML or JSON, or not a valid template tree (a syntax error, a
     * duplicate key, an unknown tag): unlike a file that cannot be decoded or breaks a limit, its
     * lines are still worth reading for credentials.
     */
    public static InputProblem malformed(String message, Span span) {
        return new InputProblem(message, span, true);
    }

    public static InputProblem malformed(String message, int line, int column) {
        return malformed(message, Span.point(Math.max(1, line), Math.max(1, column)));
    }

    public Span span() {
        return span;
    }

    /** Whether the text was read but does not parse (see {@link #malformed(String, Span)}). */
    public boolean isMalformed() {
        return malformed;
    }
}
