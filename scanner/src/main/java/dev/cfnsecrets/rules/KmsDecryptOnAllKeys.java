package dev.cfnsecrets.rules;

import dev.cfnsecrets.iam.Exposure;
import dev.cfnsecrets.iam.Policy;
import dev.cfnsecrets.iam.PolicyInventory;
import dev.cfnsecrets.iam.Statement;

/**
 * CFS302: an Allow of {@code kms:Decrypt} or {@code kms:ReEncryptFrom} on every key with no
 * condition that narrows it. Every key whose policy delegates to IAM (the default key policy) is
 * open to the holder, customer managed keys of Lambda environments among them.
 */
final class KmsDecryptOnAllKeys implements Rule {
    @Override
    public String id() {
        return "CFS302";
    }

    @Override
    public void check(RuleContext context) {
        PolicyInventories.of(context).ifPresent(inventory -> {
            for (Policy policy : inventory.policies()) {
                if (policy.isIdentityPolicy() && policy.kind() != Policy.Kind.AWS_MANAGED) {
                    for (Statement s : policy.statements()) {
                        Exposure.decryptOnAllKeys(s, inventory.statementSets(policy))
                                .ifPresent(grant -> report(context, inventory, policy, grant));
                    }
                }
            }
        });
    }

    private void report(RuleContext context, PolicyInventory inventory, Policy policy, Exposure.Grant grant) {
        RuleContext.Builder b = context.report(id())
                .at(grant.anchor())
                .message("The " + policy.describe() + PolicyInventories.heldBy(inventory, policy) + " allows "
                        + grant.describeActions() + " on all keys (" + grant.resources() + ") with no condition "
                        + "that narrows it: the holder can decrypt with every key whose key policy delegates to IAM, "
                        + "including the keys that encrypt Lambda environment variables. Scope Resource to the key "
                        + "ARNs it needs, or add a kms:ViaService or kms:EncryptionContext condition.")
                .value(grant.describeActions() + " " + grant.resources())
                .related(grant.statement().node().span(), "the statement that grants it");
        if (policy.owner() != null) {
            b.resource(policy.owner());
        }
        b.add();
    }
}
