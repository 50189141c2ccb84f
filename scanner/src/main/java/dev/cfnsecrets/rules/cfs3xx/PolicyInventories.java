package dev.cfnsecrets.rules.cfs3xx;

import dev.cfnsecrets.iam.Policy;
import dev.cfnsecrets.iam.PolicyInventory;
import dev.cfnsecrets.model.Document;
import dev.cfnsecrets.rules.DocumentScope;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.Shared;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The policies of the document a rule looks at: a template's, or a standalone policy file's one
 * policy.
 */
final class PolicyInventories {
    /** Built once per document for CFS301–CFS305. */
    private static final Shared<Optional<PolicyInventory>> INVENTORY =
            new Shared<>(PolicyInventories::build);

    private PolicyInventories() {}

    static Optional<PolicyInventory> of(RuleContext context) {
        return context.shared(INVENTORY);
    }

    /** Calls {@code check} with each policy of the document that {@code which} accepts. */
    static void eachPolicy(
            RuleContext context,
            Predicate<Policy> which,
            BiConsumer<PolicyInventory, Policy> check) {
        of(context)
                .ifPresent(
                        inventory -> {
                            for (Policy policy : inventory.policies()) {
                                if (which.test(policy)) {
                                    check.accept(inventory, policy);
                                }
                            }
                        });
    }

    private static Optional<PolicyInventory> build(DocumentScope scope) {
        if (scope.document() instanceof Document.TemplateDocument t) {
            return Optional.of(
                    PolicyInventory.of(
                            t.template(), scope.evaluator()::evaluate, scope.managedPolicies()));
        }
        if (scope.document() instanceof Document.PolicyDocument p) {
            return Optional.of(PolicyInventory.ofPolicyFile(p.text(), p.root()));
        }
        return Optional.empty();
    }

    /** " (held by role A, user B)" or "" when nobody in the template holds the policy. */
    static String heldBy(PolicyInventory inventory, Policy policy) {
        var holders = inventory.holders(policy);
        if (holders.isEmpty()) {
            return "";
        }
        return " (held by "
                + String.join(", ", holders.stream().map(h -> h.describe()).toList())
                + ")";
    }
}
