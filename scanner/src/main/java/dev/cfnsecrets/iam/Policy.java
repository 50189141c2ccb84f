package dev.cfnsecrets.iam;

import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.source.Node;
import java.util.List;

/**
 * One policy document and where it lives. {@code owner} is the resource that holds it (null for a
 * standalone policy file); {@code anchor} is the node findings about the whole policy point at (the
 * document, or the {@code ManagedPolicyArns} entry that attaches an AWS managed policy); {@code
 * awsManaged} is set for AWS managed policies, whose statements come from the bundled facts.
 */
public record Policy(
        Kind kind,
        String name,
        Resource owner,
        List<Statement> statements,
        Node anchor,
        ManagedPolicies.Entry awsManaged) {

    public enum Kind {
        /**
         * {@code Policies} of an {@code AWS::IAM::Role}, {@code User} or {@code Group}, or {@code
         * AWS::IAM::RolePolicy} and kin.
         */
        INLINE,
        /** {@code AWS::IAM::Policy}. */
        IAM_POLICY,
        /** {@code AWS::IAM::ManagedPolicy}. */
        MANAGED_POLICY,
        /** An inline statement list or a policy template in SAM {@code Policies}. */
        SAM_POLICY,
        /** An AWS managed policy attached by ARN or (in SAM) by name. */
        AWS_MANAGED,
        /**
         * {@code KeyPolicy} of an {@code AWS::KMS::Key}: a resource policy, {@code Resource: "*"}
         * is that key.
         */
        KEY_POLICY,
        /** A standalone policy file. */
        POLICY_FILE
    }

    public Policy {
        statements = List.copyOf(statements);
    }

    /** Identity policies: granted to the principals they are attached to. */
    public boolean isIdentityPolicy() {
        return kind != Kind.KEY_POLICY;
    }

    /** How a message names the policy, e.g. {@code inline policy 'read' of AppRole}. */
    public String describe() {
        String ownerId = owner == null ? "" : owner.logicalId();
        return switch (kind) {
            case INLINE ->
                    name.isEmpty()
                            ? "inline policy of " + ownerId
                            : "inline policy '" + name + "' of " + ownerId;
            case IAM_POLICY -> "policy " + ownerId;
            case MANAGED_POLICY -> "managed policy " + ownerId;
            case SAM_POLICY ->
                    (name.isEmpty()
                                    ? "SAM inline policy of "
                                    : "SAM policy template " + name + " of ")
                            + ownerId;
            case AWS_MANAGED -> "AWS managed policy " + name;
            case KEY_POLICY -> "key policy of " + ownerId;
            case POLICY_FILE -> "policy file";
        };
    }
}
