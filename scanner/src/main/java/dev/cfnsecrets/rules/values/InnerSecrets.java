package dev.cfnsecrets.rules.values;

import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.Shared;
import dev.cfnsecrets.secrets.BlastRadius;
import dev.cfnsecrets.secrets.CredentialKind;
import dev.cfnsecrets.secrets.CredentialMatch;
import dev.cfnsecrets.secrets.SecretNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The secrets inside a document that one value carries ({@link InnerDocuments}): an entry whose key
 * is a secret name and whose value {@link ValueSecrets#whyNotSecret} finds no reason against, just
 * as if the entry were a variable of its own. References, names, numbers, booleans and placeholders
 * under secret-named keys stay quiet; a piece the template fills in at deploy time is no literal.
 *
 * <p>Each is given as a {@link CredentialMatch} over the value's text, so every rule that asks
 * {@link ValueSecrets} for the credentials of a value (environment, Outputs, secret properties)
 * reports it, at the entry's value, with the key path in its words ("password under key smtp.pass
 * in a JSON document").
 */
final class InnerSecrets {
    /** A cache per document: several rules and the redaction ask about the same texts. */
    private static final Shared<Map<String, List<CredentialMatch>>> FOUND =
            new Shared<>(scope -> new HashMap<>());

    /** The id of the kind of every secret found in a document. */
    static final String KIND = "secret-in-document";

    private InnerSecrets() {}

    /** The secrets inside the document {@code text} holds, at their values' places in it. */
    static List<CredentialMatch> in(RuleContext context, String text) {
        if (!InnerDocuments.mayHoldOne(text)) {
            return List.of(); // most values: not worth a place in the cache
        }
        return context.shared(FOUND).computeIfAbsent(text, t -> find(context, t));
    }

    private static List<CredentialMatch> find(RuleContext context, String text) {
        List<CredentialMatch> found = new ArrayList<>();
        for (InnerDocuments.Entry e : InnerDocuments.read(text)) {
            if (e.value().indexOf(Rendered.GAP) < 0
                    && e.to() > e.from()
                    && SecretNames.isSecretName(e.key())
                    && ValueSecrets.whyNotSecret(context, e.key(), e.value()).isEmpty()) {
                found.add(
                        new CredentialMatch(
                                kind(e), e.from(), e.to(), text.substring(e.from(), e.to())));
            }
        }
        return List.copyOf(found);
    }

    private static CredentialKind kind(InnerDocuments.Entry e) {
        String word = SecretNames.secretWord(e.key()).orElse("secret");
        String label =
                e.format() == InnerDocuments.Format.BASIC_AUTH
                        ? "password in " + e.format().words()
                        : word + " under key " + shortened(e.path()) + " in " + e.format().words();
        BlastRadius radius = SecretNames.blastRadius(e.key());
        return new CredentialKind(KIND, label, radius);
    }

    /** A key path as a message shows it: a long one cut (it is the document writer's text). */
    private static String shortened(String path) {
        return path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH) + "…";
    }

    private static final int MAX_PATH = 80;
}
