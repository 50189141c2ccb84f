package dev.cfnsecrets.rules;

import dev.cfnsecrets.secrets.SecretNames;
import dev.cfnsecrets.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a finding's shown source line holds that reports must hide although no rule examined it:
 * credentials of known formats, and the literal behind a secret name when the line is a plain
 * {@code NAME: value} (YAML) or {@code "NAME": "value"} (JSON) entry. The second matters where the
 * tree is not there to judge it: a file that does not parse (a duplicate {@code DB_PASSWORD} key)
 * is shown at the line of its problem.
 */
final class LineSecrets {
    /** An optional list dash, a key (quoted or not), a colon, the value, an optional JSON comma. */
    private static final Pattern ENTRY =
            Pattern.compile("^\\s*(?:-\\s+)?([\"']?)([A-Za-z0-9_.\\-]+)\\1\\s*:\\s+(.+?)\\s*,?\\s*$");
    private static final Pattern QUOTED = Pattern.compile("^([\"'])(.*)\\1$");
    /** A YAML comment after a plain scalar. */
    private static final Pattern COMMENT = Pattern.compile("\\s+#.*$");

    private LineSecrets() {
    }

    static List<String> of(RuleContext rules, SourceFile source, int line) {
        List<String> hidden = new ArrayList<>(Credentials.onLine(rules, source, line));
        secretNamedLiteral(rules, source.line(line)).ifPresent(hidden::add);
        return hidden;
    }

    /** The value of a {@code NAME: value} line whose name says secret and whose value looks like one. */
    static Optional<String> secretNamedLiteral(RuleContext rules, String line) {
        Matcher entry = ENTRY.matcher(line);
        if (!entry.matches() || !SecretNames.isSecretName(entry.group(2))) {
            return Optional.empty();
        }
        String value = entry.group(3);
        Matcher quoted = QUOTED.matcher(value);
        if (quoted.matches()) {
            value = quoted.group(2);
        } else if ("!{[&*|>".indexOf(value.charAt(0)) >= 0) {
            return Optional.empty(); // a tag (!Ref), a flow collection, an anchor or alias, a block scalar
        } else {
            value = COMMENT.matcher(value).replaceFirst("");
        }
        return value.isEmpty() || !EnvSecrets.looksLikeSecretValue(rules, entry.group(2), value)
                ? Optional.empty() : Optional.of(value);
    }
}
