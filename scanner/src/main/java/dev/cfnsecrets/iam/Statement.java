package dev.cfnsecrets.iam;

import dev.cfnsecrets.source.Node;
import java.util.List;

/**
 * One policy statement, normalised: single values and lists alike become lists, {@code NotAction},
 * {@code NotResource} and {@code NotPrincipal} are flags on the same lists, and every string went
 * through the evaluator ({@link PolicyString}). {@code node} is the statement in its source (a
 * template, a policy file or a bundled data file).
 */
public record Statement(
        Effect effect,
        String sid,
        List<PolicyString> actions,
        boolean notAction,
        List<PolicyString> resources,
        boolean notResource,
        List<PrincipalEntry> principals,
        boolean notPrincipal,
        List<Condition> conditions,
        Node node) {

    public Statement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        principals = List.copyOf(principals);
        conditions = List.copyOf(conditions);
    }

    public boolean isAllow() {
        return effect == Effect.ALLOW;
    }

    public boolean isDeny() {
        return effect == Effect.DENY;
    }

    public boolean hasPrincipal() {
        return !principals.isEmpty();
    }
}
