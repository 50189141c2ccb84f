package dev.cfnsecrets.rules.values;

import dev.cfnsecrets.eval.Part;
import dev.cfnsecrets.secrets.SecretNames;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pieces of a known secret property's value that are the secret. Usually the whole value; for a
 * Secrets Manager {@code SecretString} written as JSON, only its secret-named fields — the {@code
 * password} of {@code {"username": "${User}", "password": "${Pass}"}}, not the user name. Pieces
 * inside an assembled dynamic reference name a secret and are left out.
 */
public final class SecretSlices {
    private static final Pattern JSON_FIELD =
            Pattern.compile("\"([^\"]{1,64})\"\\s*:\\s*\"([^\"]*)\"");

    /**
     * @param name the property or JSON field the slice is
     * @param from start of the slice in the rendered text
     * @param literal the slice's text when it is all literal, else null
     */
    public record Slice(String name, int from, int to, List<Part> parts, String literal) {
        public boolean contains(int offset) {
            return offset >= from && offset < to;
        }
    }

    private SecretSlices() {}

    public static List<Slice> of(Rendered r, String property, boolean jsonSecret) {
        List<Slice> slices = new ArrayList<>();
        if (jsonSecret) {
            Matcher m = JSON_FIELD.matcher(r.text());
            boolean json = false;
            while (m.find()) {
                json = true;
                if (SecretNames.isSecretName(m.group(1))) {
                    slices.add(slice(r, m.group(1), m.start(2), m.end(2)));
                }
            }
            if (json || r.text().strip().startsWith("{")) {
                return slices;
            }
        }
        slices.add(slice(r, property, 0, r.text().length()));
        return slices;
    }

    private static Slice slice(Rendered r, String name, int from, int to) {
        List<Part> parts = r.partsIn(from, to).stream().filter(p -> !r.insideReference(p)).toList();
        String text = r.text().substring(from, to);
        return new Slice(name, from, to, parts, text.indexOf(Rendered.GAP) >= 0 ? null : text);
    }
}
