package dev.cfnsecrets.rules.cfs3xx;

import dev.cfnsecrets.iam.Exposure;
import dev.cfnsecrets.iam.Policy;
import dev.cfnsecrets.iam.PolicyInventory;
import dev.cfnsecrets.iam.Statement;
import dev.cfnsecrets.rules.Rule;
import dev.cfnsecrets.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/**
 * CFS304: an AWS managed policy that grants function-configuration reads or {@code kms:Decrypt} on
 * every resource is attached ({@code ManagedPolicyArns}, SAM {@code Policies}). What it grants is
 * evaluated from the bundled facts, with the holder's explicit Denies.
 */
final class BroadManagedPolicy implements Rule {
    @Override
    public String id() {
        return "CFS304";
    }

    @Override
    public void check(RuleContext context) {
        PolicyInventories.eachPolicy(
                context,
                policy -> policy.kind() == Policy.Kind.AWS_MANAGED,
                (inventory, policy) -> check(context, inventory, policy));
    }

    private void check(RuleContext context, PolicyInventory inventory, Policy policy) {
        List<String> grants = new ArrayList<>();
        List<List<Statement>> sets = inventory.statementSets(policy);
        for (Statement s : policy.statements()) {
            Exposure.configReadsOnAllFunctions(s, sets)
                    .ifPresent(g -> grants.add(g.describeActions() + " on all functions"));
            Exposure.decryptOnAllKeys(s, sets)
                    .ifPresent(g -> grants.add(g.describeActions() + " on all keys"));
        }
        if (grants.isEmpty()) {
            return;
        }
        RuleContext.Builder b =
                context.report(id())
                        .at(policy.anchor())
                        .message(
                                "The AWS managed policy "
                                        + policy.awsManaged().arn()
                                        + " is attached to "
                                        + policy.owner().logicalId()
                                        + PolicyInventories.heldBy(inventory, policy)
                                        + "; it grants "
                                        + String.join("; ", grants)
                                        + ". Attach a policy scoped to what it needs, or add an explicit"
                                        + " Deny for these actions.")
                        .value(policy.awsManaged().arn());
        b.resource(policy.owner()).add();
    }
}
