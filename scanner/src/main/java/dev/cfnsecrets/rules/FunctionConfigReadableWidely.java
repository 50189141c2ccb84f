package dev.cfnsecrets.rules;

import dev.cfnsecrets.iam.Actions;
import dev.cfnsecrets.iam.Exposure;
import dev.cfnsecrets.iam.Policy;
import dev.cfnsecrets.iam.PolicyInventory;
import dev.cfnsecrets.iam.Statement;

/**
 * CFS301: an Allow that grants a function-configuration read on every function. The configuration
 * holds the environment variables, so the holder reads every function's secrets.
 */
final class FunctionConfigReadableWidely implements Rule {
    @Override
    public String id() {
        return "CFS301";
    }

    @Override
    public void check(RuleContext context) {
        PolicyInventories.of(context).ifPresent(inventory -> {
            for (Policy policy : inventory.policies()) {
                // AWS managed policies are CFS304's; key policies grant no Lambda actions.
                if (policy.isIdentityPolicy() && policy.kind() != Policy.Kind.AWS_MANAGED) {
                    for (Statement s : policy.statements()) {
                        Exposure.configReadsOnAllFunctions(s, inventory.statementSets(policy))
                                .ifPresent(grant -> report(context, inventory, policy, grant));
                    }
                }
            }
        });
    }

    private void report(RuleContext context, PolicyInventory inventory, Policy policy, Exposure.Grant grant) {
        boolean lists = grant.actions().stream().anyMatch(a -> a.action().equals(Actions.LIST_FUNCTIONS));
        RuleContext.Builder b = context.report(id())
                .at(grant.anchor())
                .message("The " + policy.describe() + PolicyInventories.heldBy(inventory, policy) + " allows "
                        + grant.describeActions() + " on all functions (" + grant.resources() + "). These calls "
                        + "return function configuration, environment variables included, so the holder can read "
                        + "every function's secrets. Scope Resource to the function ARNs it needs"
                        + (lists ? "; lambda:ListFunctions cannot be scoped, so drop it" : "") + ".")
                .value(grant.describeActions() + " " + grant.resources())
                .related(grant.statement().node().span(), "the statement that grants it");
        if (policy.owner() != null) {
            b.resource(policy.owner());
        }
        b.add();
    }
}
