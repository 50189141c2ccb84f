package dev.cfnsecrets.cli;

import software.amazon.awssdk.services.iam.IamClient;

/** IAM principals the live-mode tests make on moto, each with at most one inline policy. */
final class MotoIam {
    /** A trust policy no one is in: the roles exist only for what they may read. */
    private static final String NO_ONE = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";

    private MotoIam() {}

    /** A role no one may assume, without policies. */
    static void role(IamClient iam, String name) {
        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(NO_ONE));
    }

    /** A role no one may assume, with the inline policy {@code policyName}. */
    static void role(IamClient iam, String name, String policyName, String document) {
        role(iam, name);
        iam.putRolePolicy(r -> r.roleName(name).policyName(policyName).policyDocument(document));
    }

    /** A user with the inline policy {@code policyName}. */
    static void user(IamClient iam, String name, String policyName, String document) {
        iam.createUser(r -> r.userName(name));
        iam.putUserPolicy(r -> r.userName(name).policyName(policyName).policyDocument(document));
    }

    /** A policy document allowing {@code action} on {@code resource}. */
    static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\""
                + action
                + "\",\"Resource\":\""
                + resource
                + "\"}]}";
    }
}
