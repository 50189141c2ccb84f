package dev.cfnsecrets.rules;

import dev.cfnsecrets.eval.Part;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a finding about a value is reported. A piece written inside the value (a literal, a
 * {@code Fn::Sub} piece, a Globals entry) is reported at its exact text; a piece that arrives from
 * elsewhere (a Parameter {@code Default}, a Mapping entry) is reported at the value, with a related
 * location at the text where the secret is written.
 */
record Where(Span span, String path, List<Related> related) {

    record Related(Span span, String note) {
    }

    Where {
        related = List.copyOf(related);
    }

    static Where at(Node value) {
        return new Where(value.span(), value.path(), List.of());
    }

    static Where of(Node value, Part part) {
        if (isInside(part.origin(), value)) {
            return new Where(part.span(), value.path(), List.of());
        }
        List<Related> related = new ArrayList<>();
        related.add(new Related(part.span(), origin(part)));
        return new Where(value.span(), value.path(), related);
    }

    Where with(Span where, String note) {
        List<Related> more = new ArrayList<>(related);
        more.add(new Related(where, note));
        return new Where(span, path, more);
    }

    void addTo(RuleContext.Builder finding) {
        finding.at(span, path);
        related.forEach(r -> finding.related(r.span(), r.note()));
    }

    private static boolean isInside(Node piece, Node value) {
        return piece.path().equals(value.path()) || piece.path().startsWith(value.path() + "/");
    }

    /** Where a piece of a value is written, in words: "the Default of Parameter DbPassword". */
    static String origin(Part part) {
        String[] path = part.origin().path().split("/");
        if (path.length >= 2 && path[0].equals("Parameters")) {
            return "the value is written here, in the Default of Parameter " + path[1];
        }
        if (path.length >= 2 && path[0].equals("Mappings")) {
            return "the value is written here, in Mapping " + String.join("/", java.util.Arrays.copyOfRange(path, 1, path.length));
        }
        if (path.length >= 1 && path[0].equals("Globals")) {
            return "the value is written here, in SAM Globals";
        }
        String via = part instanceof Part.Literal l && l.viaParameter() != null ? " (through Parameter " + l.viaParameter() + ")" : "";
        return "the value is written here" + via;
    }
}
