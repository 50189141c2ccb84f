package dev.cfnsecrets.source;

/** A region of a source file; lines and columns are 1-based, the end column is exclusive. */
public record Span(int startLine, int startColumn, int endLine, int endColumn) {

    public static Span point(int line, int column) {
        return new Span(line, column, line, column + 1);
    }

    public boolean contains(Span other) {
        return compare(startLine, startColumn, other.startLine, other.startColumn) <= 0
                && compare(other.endLine, other.endColumn, endLine, endColumn) <= 0;
    }

    private static int compare(int lineA, int colA, int lineB, int colB) {
        return lineA != lineB ? Integer.compare(lineA, lineB) : Integer.compare(colA, colB);
    }

    @Override
    public String toString() {
        return startLine + ":" + startColumn + "-" + endLine + ":" + endColumn;
    }
}
