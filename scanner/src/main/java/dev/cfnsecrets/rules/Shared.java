package dev.cfnsecrets.rules;

import java.util.function.Function;

/**
 * A computation over one document that several rules need (the policy inventory, the environment
 * verdicts …). {@link RuleContext#shared} makes it once per document and hands every rule the same
 * result, so a result must not be changed by the rules that read it — unless it is a cache that
 * fills itself the same way for every reader. Each computation is one constant: the constant is the
 * key.
 */
public final class Shared<T> {
    private final Function<DocumentScope, T> computation;

    public Shared(Function<DocumentScope, T> computation) {
        this.computation = computation;
    }

    T computeFor(DocumentScope scope) {
        return computation.apply(scope);
    }
}
