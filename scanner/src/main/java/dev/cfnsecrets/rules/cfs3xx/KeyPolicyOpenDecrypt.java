package dev.cfnsecrets.rules.cfs3xx;

import dev.cfnsecrets.iam.Exposure;
import dev.cfnsecrets.iam.Policy;
import dev.cfnsecrets.iam.PrincipalEntry;
import dev.cfnsecrets.iam.Statement;
import dev.cfnsecrets.rules.Rule;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.source.Node;

/**
 * CFS303: a key policy (or a standalone resource policy) that lets {@code Principal: "*"} decrypt
 * with no condition restricting the caller. The account-root statement of the default key policy
 * delegates to IAM and is not itself a finding.
 */
final class KeyPolicyOpenDecrypt implements Rule {
    @Override
    public String id() {
        return "CFS303";
    }

    @Override
    public void check(RuleContext context) {
        PolicyInventories.eachPolicy(
                context,
                policy ->
                        policy.kind() == Policy.Kind.KEY_POLICY
                                || policy.kind() == Policy.Kind.POLICY_FILE,
                (inventory, policy) -> {
                    for (Statement s : policy.statements()) {
                        Exposure.openKeyDecrypt(s, policy.statements())
                                .ifPresent(grant -> report(context, policy, grant));
                    }
                });
    }

    private void report(RuleContext context, Policy policy, Exposure.Grant grant) {
        Statement s = grant.statement();
        Node at =
                s.principals().stream()
                        .filter(PrincipalEntry::isEveryone)
                        .findFirst()
                        .map(p -> p.value().node())
                        .orElse(s.node());
        String who =
                s.notPrincipal()
                        ? "every principal outside NotPrincipal"
                        : "every principal (\"*\"), in any account,";
        RuleContext.Builder b =
                context.report(id())
                        .at(at)
                        .message(
                                "The "
                                        + policy.describe()
                                        + " lets "
                                        + who
                                        + " use "
                                        + grant.describeActions()
                                        + " with no condition that restricts the caller, so anyone can"
                                        + " decrypt what this key protects. Name the principals, or add"
                                        + " an aws:PrincipalOrgID, aws:PrincipalAccount or"
                                        + " kms:CallerAccount condition.")
                        .value(grant.describeActions())
                        .related(s.node().span(), "the statement that grants it");
        if (policy.owner() != null) {
            b.resource(policy.owner());
        }
        b.add();
    }
}
