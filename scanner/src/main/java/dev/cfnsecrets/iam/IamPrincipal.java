package dev.cfnsecrets.iam;

import dev.cfnsecrets.model.Resource;

/**
 * A principal defined in the template: a role, user or group, or the execution role SAM creates for
 * a function or state machine from its {@code Policies}. {@code resource} declares it.
 */
public record IamPrincipal(Kind kind, Resource resource) {

    public enum Kind {
        ROLE,
        USER,
        GROUP,
        SAM_ROLE
    }

    public String logicalId() {
        return resource.logicalId();
    }

    /** How a message names it, e.g. {@code role AppRole} or {@code the role SAM creates for Fn}. */
    public String describe() {
        return switch (kind) {
            case ROLE -> "role " + logicalId();
            case USER -> "user " + logicalId();
            case GROUP -> "group " + logicalId() + " (its users)";
            case SAM_ROLE -> "the role SAM creates for " + logicalId();
        };
    }
}
