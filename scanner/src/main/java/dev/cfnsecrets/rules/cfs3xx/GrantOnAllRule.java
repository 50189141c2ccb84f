package dev.cfnsecrets.rules.cfs3xx;

import dev.cfnsecrets.iam.Exposure;
import dev.cfnsecrets.iam.Policy;
import dev.cfnsecrets.iam.PolicyInventory;
import dev.cfnsecrets.iam.Statement;
import dev.cfnsecrets.rules.Rule;
import dev.cfnsecrets.rules.RuleContext;
import java.util.List;
import java.util.Optional;

/**
 * The shape shared by {@link FunctionConfigReadableWidely} and {@link KmsDecryptOnAllKeys}: every
 * statement of the template's own identity policies (AWS managed ones are {@link
 * BroadManagedPolicy}'s; key policies grant no Lambda actions and are {@link
 * KeyPolicyOpenDecrypt}'s) is checked for one broad grant, reported at the granting action with the
 * statement as related location.
 */
abstract class GrantOnAllRule implements Rule {
    @Override
    public final void check(RuleContext context) {
        PolicyInventories.eachPolicy(
                context,
                policy -> policy.isIdentityPolicy() && policy.kind() != Policy.Kind.AWS_MANAGED,
                (inventory, policy) -> {
                    List<List<Statement>> sets = inventory.statementSets(policy);
                    for (Statement s : policy.statements()) {
                        grant(s, sets)
                                .ifPresent(grant -> report(context, inventory, policy, grant));
                    }
                });
    }

    /**
     * What statement {@code s} grants that this rule reports, given the statement sets it takes
     * effect in.
     */
    abstract Optional<Exposure.Grant> grant(Statement s, List<List<Statement>> sets);

    /**
     * The finding's message; {@code policy} names the policy and its holders ("policy P (held by
     * role R)"); {@code inCdkApp}: the template is CDK output, so the advice speaks CDK.
     */
    abstract String message(String policy, Exposure.Grant grant, boolean inCdkApp);

    private void report(
            RuleContext context, PolicyInventory inventory, Policy policy, Exposure.Grant grant) {
        RuleContext.Builder b =
                context.report(id())
                        .at(grant.anchor())
                        .message(
                                message(
                                        policy.describe()
                                                + PolicyInventories.heldBy(inventory, policy),
                                        grant,
                                        context.inCdkApp()))
                        .value(grant.describeActions() + " " + grant.resources())
                        .related(grant.statement().node().span(), "the statement that grants it");
        if (policy.owner() != null) {
            b.resource(policy.owner());
        }
        b.add();
    }
}
