package dev.cfnsecrets.rules;

import dev.cfnsecrets.eval.Part;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.SourceFile;
import dev.cfnsecrets.source.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a finding about a value is reported. A piece written inside the value (a literal, a {@code
 * Fn::Sub} piece, a Globals entry) is reported at its exact text; a piece that arrives from
 * elsewhere (a Parameter {@code Default}, a Mapping entry) is reported at the value, with a related
 * location at the text where the secret is written.
 */
public record Where(Span span, String path, List<Related> related) {

    /**
     * A related location: in the same document, or — when {@code file} is not null — in another
     * file.
     */
    public record Related(String file, Span span, String note) {
        Related(Span span, String note) {
            this(null, span, note);
        }
    }

    public Where {
        related = List.copyOf(related);
    }

    public static Where at(Node value) {
        return new Where(value.span(), value.path(), List.of());
    }

    public static Where of(Node value, Part part) {
        if (isInside(part.origin(), value)) {
            return new Where(part.span(), value.path(), List.of());
        }
        List<Related> related = new ArrayList<>();
        related.add(new Related(part.span(), origin(part)));
        return new Where(value.span(), value.path(), related);
    }

    /**
     * Like {@link #of(Node, Part)}, but narrowed to where {@code text} (a credential inside the
     * piece) is written when it can be found in the piece's source text — the line of a token
     * inside a multi-line user-data script or inline code. A multi-line text is found by its first
     * line.
     */
    public static Where of(Node value, Part part, String text, SourceFile source) {
        return of(value, part, text, 0, source);
    }

    /**
     * Like {@link #of(Node, Part, String, SourceFile)}, at the {@code occurrence}-th (from 0) place
     * {@code text} is written in the piece: a value written a second time, after an identical one,
     * is found where it is.
     */
    public static Where of(Node value, Part part, String text, int occurrence, SourceFile source) {
        Where where = of(value, part);
        String firstLine = text.lines().findFirst().orElse("").strip();
        if (firstLine.isEmpty()) {
            return where;
        }
        Span piece = part.span();
        int from = source.offset(piece.startLine(), piece.startColumn());
        int to = source.offset(piece.endLine(), piece.endColumn());
        String written = source.text().substring(from, Math.max(from, to));
        int at = written.indexOf(firstLine);
        for (int i = 0; i < occurrence && at >= 0; i++) {
            at = written.indexOf(firstLine, at + 1);
        }
        if (at < 0) {
            return where;
        }
        Span exact = source.span(from + at, from + at + firstLine.length());
        return where.related.isEmpty()
                ? new Where(exact, where.path, List.of())
                : new Where(
                        where.span,
                        where.path,
                        List.of(new Related(exact, where.related.get(0).note())));
    }

    public Where with(Span where, String note) {
        return with(null, where, note);
    }

    /**
     * With a related location in {@code file}, another file than the document's (null: the
     * document).
     */
    public Where with(String file, Span where, String note) {
        List<Related> more = new ArrayList<>(related);
        more.add(new Related(file, where, note));
        return new Where(span, path, more);
    }

    public void addTo(RuleContext.Builder finding) {
        finding.at(span, path);
        for (Related r : related) {
            if (r.file() == null) {
                finding.related(r.span(), r.note());
            } else {
                finding.related(r.file(), r.span(), r.note());
            }
        }
    }

    private static boolean isInside(Node piece, Node value) {
        return piece.path().equals(value.path()) || piece.path().startsWith(value.path() + "/");
    }

    /** The note of the related location at a piece written elsewhere. */
    static String origin(Part part) {
        return "the value is written here" + placeOf(part).map(p -> ", " + p).orElse("");
    }

    /** Where a piece of a value is written, in words: "in the Default of Parameter DbPassword". */
    static Optional<String> placeOf(Part part) {
        String[] path = part.origin().path().split("/");
        if (path.length >= 2 && path[0].equals("Parameters")) {
            return Optional.of("in the Default of Parameter " + path[1]);
        }
        if (path.length >= 2 && path[0].equals("Mappings")) {
            return Optional.of(
                    "in Mapping " + String.join("/", Arrays.copyOfRange(path, 1, path.length)));
        }
        if (path.length >= 1 && path[0].equals("Globals")) {
            return Optional.of("in SAM Globals");
        }
        if (part instanceof Part.Literal l && l.viaParameter() != null) {
            return Optional.of("through Parameter " + l.viaParameter());
        }
        return Optional.empty();
    }
}
