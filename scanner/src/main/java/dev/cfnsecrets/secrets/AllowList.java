package dev.cfnsecrets.secrets;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Set;

/**
 * Values the user has declared not to be secrets ({@code allow:} in {@code .cfn-secrets.yml}): a
 * test fixture's fake token, a well-known development password. They are judged against the secret
 * a finding would be about — the credential found in a value (the token inside a longer string, the
 * password inside a URL or connection string) or, for a literal under a secret name or in a secret
 * property, the whole literal — as gitleaks judges its allowlist regexes against the secret it
 * matched. Judging the whole value instead would let a pattern that matches a host name or other
 * text of the value hide a real password written next to it.
 *
 * @param values exact secrets, compared case-sensitively
 * @param patterns searched in the secret ({@code find}, not {@code matches}): anchor them with
 *     {@code ^…$} to require the whole secret. They run on RE2/J, in time linear in the secret
 *     whatever the pattern: they come from a configuration a pull request may change.
 */
public record AllowList(Set<String> values, List<Pattern> patterns) {
    public static final AllowList NONE = new AllowList(Set.of(), List.of());

    public AllowList {
        values = Set.copyOf(values);
        patterns = List.copyOf(patterns);
    }

    public boolean isEmpty() {
        return values.isEmpty() && patterns.isEmpty();
    }

    /** Whether {@code secret} is declared not to be a secret. */
    public boolean allows(String secret) {
        return values.contains(secret) || patterns.stream().anyMatch(p -> p.matcher(secret).find());
    }
}
