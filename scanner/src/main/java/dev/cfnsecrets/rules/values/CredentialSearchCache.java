package dev.cfnsecrets.rules.values;

import dev.cfnsecrets.rules.DocumentScope;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.Shared;
import dev.cfnsecrets.secrets.AllowList;
import dev.cfnsecrets.secrets.CredentialDetector;
import dev.cfnsecrets.secrets.CredentialMatch;
import dev.cfnsecrets.source.SourceFile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Credential detection for rules, once per text and document: several rules examine the same values
 * (every environment rule, each function that inherits a SAM Globals value, every finding's shown
 * line), and a large value searched again each time costs rules × functions × its length.
 */
public final class CredentialSearchCache {
    /** A cache that fills itself the same way for every rule of the document. */
    private static final Shared<Map<Object, Object>> SEARCHES =
            new Shared<>(scope -> new HashMap<>());

    /**
     * The values the allow list let through in the document, so that the report can say how many.
     */
    private static final Shared<Set<String>> ALLOWED = new Shared<>(scope -> new HashSet<>());

    private CredentialSearchCache() {}

    private record Search(String text, CredentialDetector.Context context) {}

    private record KeyIdSearch(String text) {}

    private record LineSearch(int line) {}

    /**
     * The credentials of known formats in {@code text} that rules report: a credential the
     * configuration allows ({@code allow:}) is declared not a secret.
     */
    public static List<CredentialMatch> find(
            RuleContext rules, String text, CredentialDetector.Context context) {
        AllowList allow = rules.settings().allow();
        List<CredentialMatch> found = everyFormat(rules, text, context);
        return allow.isEmpty()
                ? found
                : found.stream().filter(m -> !allowed(rules, m.secret())).toList();
    }

    /**
     * Whether the configuration declares a literal not a secret: the literal is allowed, or it
     * holds an allowed credential of a known format — a URL whose password is on the list is not
     * then reported as a secret-named literal instead.
     */
    public static boolean isAllowed(RuleContext rules, String literal) {
        AllowList allow = rules.settings().allow();
        if (allow.isEmpty()) {
            return false;
        }
        return allowed(rules, literal)
                || everyFormat(rules, literal, CredentialDetector.Context.NONE).stream()
                        .anyMatch(m -> allowed(rules, m.secret()));
    }

    private static boolean allowed(RuleContext rules, String secret) {
        boolean allowed = rules.settings().allow().allows(secret);
        if (allowed) {
            rules.shared(ALLOWED).add(secret);
        }
        return allowed;
    }

    /** How many distinct values the allow list declared not secrets in the scope's document. */
    public static int allowedCount(DocumentScope scope) {
        return scope.shared(ALLOWED).size();
    }

    /** Every credential of a known format in {@code text}, allowed or not: what reports hide. */
    public static List<CredentialMatch> everyFormat(
            RuleContext rules, String text, CredentialDetector.Context context) {
        return cached(
                rules,
                new Search(text, context),
                search -> CredentialDetector.find(search.text(), search.context()));
    }

    public static boolean hasAwsKeyId(RuleContext rules, String text) {
        return cached(
                rules,
                new KeyIdSearch(text),
                search -> CredentialDetector.hasAwsKeyId(search.text()));
    }

    /** The credentials of known formats on one line of the document's source. */
    static List<String> onLine(RuleContext rules, SourceFile source, int line) {
        return cached(
                rules,
                new LineSearch(line),
                search ->
                        CredentialDetector.find(source.line(line)).stream()
                                .map(CredentialMatch::secret)
                                .toList());
    }

    /**
     * The answer for {@code key}. {@code compute} takes the key, so that a search function need
     * capture nothing and is then not made anew on each call (a lambda that captures is). It never
     * answers null: a missing answer is one not yet computed.
     */
    private static <K, T> T cached(RuleContext rules, K key, Function<K, T> compute) {
        Map<Object, Object> cache = rules.shared(SEARCHES);
        // One lookup when the answer is known (most asks), not two: a key is a record, whose
        // hashCode and equals run through method handles, slow under the quick (C1) compiler.
        @SuppressWarnings("unchecked")
        T known = (T) cache.get(key);
        if (known != null) {
            return known;
        }
        T computed = compute.apply(key);
        cache.put(key, computed);
        return computed;
    }
}
