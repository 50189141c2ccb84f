package dev.cfnsecrets.source;

/** Why a file could not be read as a template, and where (1-based line and column). */
public final class InputProblem extends Exception {
    private final Span span;

    public InputProblem(String message, Span span) {
        super(message, null, false, false);
        this.span = span;
    }

    public InputProblem(String message, int line, int column) {
        this(message, Span.point(Math.max(1, line), Math.max(1, column)));
    }

    public Span span() {
        return span;
    }
}
