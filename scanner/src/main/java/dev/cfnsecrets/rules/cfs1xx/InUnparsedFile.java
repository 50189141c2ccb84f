package dev.cfnsecrets.rules.cfs1xx;

import dev.cfnsecrets.rules.Advice;
import dev.cfnsecrets.rules.Fingerprint;
import dev.cfnsecrets.rules.Rule;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.values.UnparsedCredentials;
import dev.cfnsecrets.secrets.CredentialMatch;

/**
 * A credential rule that also reports the credentials of known formats on the lines of a file that
 * does not parse ({@link UnparsedCredentials}): CFS101 those that look like they are in an
 * environment, CFS111 the others, so that each is reported by the rule it would have had in a
 * template that parses. CFS001 reports the file itself.
 */
final class InUnparsedFile implements Rule {
    private final Rule rule;
    private final boolean environment;

    /**
     * {@code environment}: whether {@code rule} takes the credentials that look like env values.
     */
    InUnparsedFile(Rule rule, boolean environment) {
        this.rule = rule;
        this.environment = environment;
    }

    @Override
    public String id() {
        return rule.id();
    }

    @Override
    public void check(RuleContext context) {
        rule.check(context);
        for (UnparsedCredentials.Found found : UnparsedCredentials.of(context)) {
            if (found.inEnvironment() == environment) {
                report(context, found);
            }
        }
    }

    private void report(RuleContext context, UnparsedCredentials.Found found) {
        CredentialMatch m = found.match();
        String where = environment ? "what looks like an environment variable" : "this line";
        context.report(id())
                .at(found.span(), "")
                .message(
                        Advice.capitalized(where)
                                + " holds "
                                + Advice.withArticle(m.kind().label())
                                + ", found in a file that could not be parsed (see CFS001)."
                                + " Remove it from the file and rotate it.")
                .securitySeverity(m.kind().blastRadius().securitySeverity())
                .value("unparsed " + m.kind().id() + "\n" + Fingerprint.shapeOf(m.secret()))
                .secret(m.secret())
                .add();
    }
}
