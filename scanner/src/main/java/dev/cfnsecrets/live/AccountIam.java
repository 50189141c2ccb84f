package dev.cfnsecrets.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfnsecrets.config.ConfigException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * The account's IAM ({@code GetAccountAuthorizationDetails}, paginated) written as a CloudFormation
 * template, so that the IAM rules and their policy inventory evaluate it exactly as they evaluate a
 * template: each role (but service-linked ones), user and group becomes an {@code
 * AWS::IAM::Role}/{@code User}/{@code Group} with its inline {@code Policies} and {@code
 * ManagedPolicyArns}, each customer managed policy an {@code AWS::IAM::ManagedPolicy} with its
 * default version's document. Logical ids are the ARNs, so findings name the principal and the
 * policy. The real default-version documents of the AWS managed policies attached to anyone come
 * out as managed-policy facts in the bundled data file's format; they replace the bundled excerpts
 * for this scan.
 */
final class AccountIam {
    private static final String PREFIX = "aws:iam:";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AWS_MANAGED_ARN_PART = ":iam::aws:policy/";

    private final List<RoleDetail> roles = new ArrayList<>();
    private final List<UserDetail> users = new ArrayList<>();
    private final List<GroupDetail> groups = new ArrayList<>();
    private final Map<String, ManagedPolicyDetail> customerPolicies = new LinkedHashMap<>();
    private final Map<String, ManagedPolicyDetail> awsPolicies = new LinkedHashMap<>();

    /** What was read: the template's display path and text, and the AWS managed policies' facts. */
    record Snapshot(String path, String template, String awsManagedFacts) {}

    static Snapshot read(IamClient iam) {
        AccountIam account = new AccountIam();
        AwsCalls.call(
                "read the account's IAM (iam:GetAccountAuthorizationDetails)",
                () -> {
                    iam.getAccountAuthorizationDetailsPaginator(
                                    r ->
                                            r.filter(
                                                    EntityType.USER,
                                                    EntityType.ROLE,
                                                    EntityType.GROUP,
                                                    EntityType.LOCAL_MANAGED_POLICY,
                                                    EntityType.AWS_MANAGED_POLICY))
                            .forEach(account::add);
                    return account;
                });
        return account.snapshot();
    }

    private void add(GetAccountAuthorizationDetailsResponse page) {
        page.roleDetailList().stream().filter(role -> !isServiceLinked(role)).forEach(roles::add);
        users.addAll(page.userDetailList());
        groups.addAll(page.groupDetailList());
        for (ManagedPolicyDetail policy : page.policies()) {
            (policy.arn().contains(AWS_MANAGED_ARN_PART) ? awsPolicies : customerPolicies)
                    .put(policy.arn(), policy);
        }
    }

    /**
     * A service-linked role belongs to an AWS service: only that service can assume it and nobody
     * can change its policies, so a finding about it could not be acted on.
     */
    private static boolean isServiceLinked(RoleDetail role) {
        return role.path() != null && role.path().startsWith("/aws-service-role/");
    }

    private Snapshot snapshot() {
        ObjectNode resources = JSON.createObjectNode();
        Set<String> attachedAwsPolicies = new LinkedHashSet<>();
        for (ManagedPolicyDetail policy : customerPolicies.values()) {
            ObjectNode properties = resource(resources, policy.arn(), "AWS::IAM::ManagedPolicy");
            properties.put("ManagedPolicyName", policy.policyName());
            defaultDocument(policy).ifPresent(doc -> properties.set("PolicyDocument", doc));
        }
        for (RoleDetail role : roles) {
            principal(
                    resources,
                    "Role",
                    role.arn(),
                    role.roleName(),
                    role.rolePolicyList(),
                    role.attachedManagedPolicies(),
                    attachedAwsPolicies);
        }
        for (GroupDetail group : groups) {
            principal(
                    resources,
                    "Group",
                    group.arn(),
                    group.groupName(),
                    group.groupPolicyList(),
                    group.attachedManagedPolicies(),
                    attachedAwsPolicies);
        }
        for (UserDetail user : users) {
            ObjectNode properties =
                    principal(
                            resources,
                            "User",
                            user.arn(),
                            user.userName(),
                            user.userPolicyList(),
                            user.attachedManagedPolicies(),
                            attachedAwsPolicies);
            if (!user.groupList().isEmpty()) {
                ArrayNode memberOf = properties.putArray("Groups");
                user.groupList().forEach(memberOf::add);
            }
        }
        ObjectNode template = JSON.createObjectNode();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put(
                "Description",
                "IAM of the account as read by cfn-secrets (iam:GetAccountAuthorizationDetails)");
        template.set("Resources", resources);
        return new Snapshot(
                PREFIX + accountId().orElse("account"),
                pretty(template),
                awsManagedFacts(attachedAwsPolicies));
    }

    private static ObjectNode resource(ObjectNode resources, String logicalId, String type) {
        ObjectNode resource = resources.putObject(logicalId);
        resource.put("Type", type);
        return resource.putObject("Properties");
    }

    /**
     * The resource of a role, group or user ({@code kind}): its name under RoleName, GroupName or
     * UserName, and its policies.
     */
    private ObjectNode principal(
            ObjectNode resources,
            String kind,
            String arn,
            String name,
            List<PolicyDetail> inline,
            List<AttachedPolicy> attached,
            Set<String> attachedAwsPolicies) {
        ObjectNode properties = resource(resources, arn, "AWS::IAM::" + kind);
        properties.put(kind + "Name", name);
        principalPolicies(properties, inline, attached, attachedAwsPolicies);
        return properties;
    }

    /**
     * Inline policies as {@code Policies}; attached managed policies as {@code ManagedPolicyArns}:
     * a {@code Ref} to the customer managed policy's resource, or the AWS managed policy's ARN.
     */
    private void principalPolicies(
            ObjectNode properties,
            List<PolicyDetail> inline,
            List<AttachedPolicy> attached,
            Set<String> attachedAwsPolicies) {
        if (!inline.isEmpty()) {
            ArrayNode policies = properties.putArray("Policies");
            for (PolicyDetail policy : inline) {
                ObjectNode entry = policies.addObject();
                entry.put("PolicyName", policy.policyName());
                entry.set("PolicyDocument", document(policy.policyDocument(), policy.policyName()));
            }
        }
        if (!attached.isEmpty()) {
            ArrayNode arns = properties.putArray("ManagedPolicyArns");
            for (AttachedPolicy policy : attached) {
                if (customerPolicies.containsKey(policy.policyArn())) {
                    arns.addObject().put("Ref", policy.policyArn());
                } else {
                    arns.add(policy.policyArn());
                    attachedAwsPolicies.add(policy.policyArn());
                }
            }
        }
    }

    /**
     * The attached AWS managed policies with their real default-version statements, in the format
     * of {@code cfn-secrets/managed-policies.yaml}. Unattached ones grant nobody anything, and an
     * endpoint may list all of them (over a thousand): they are left out.
     */
    private String awsManagedFacts(Set<String> attached) {
        ObjectNode facts = JSON.createObjectNode();
        ArrayNode list = facts.putArray("policies");
        for (String arn : attached) {
            ManagedPolicyDetail policy = awsPolicies.get(arn);
            if (policy == null) {
                continue;
            }
            // Name and path from the ARN (arn:PARTITION:iam::aws:policy/PATH/NAME): some endpoints
            // omit PolicyName.
            String pathAndName =
                    arn.substring(
                            arn.indexOf(AWS_MANAGED_ARN_PART) + AWS_MANAGED_ARN_PART.length());
            int slash = pathAndName.lastIndexOf('/');
            defaultDocument(policy)
                    .map(doc -> doc.get("Statement"))
                    .ifPresent(
                            statement -> {
                                ObjectNode entry = list.addObject();
                                entry.put("name", pathAndName.substring(slash + 1));
                                entry.put("path", pathAndName.substring(0, slash + 1));
                                entry.put("version", policy.defaultVersionId());
                                entry.set("Statement", statement);
                            });
        }
        return pretty(facts);
    }

    private Optional<JsonNode> defaultDocument(ManagedPolicyDetail policy) {
        return policy.policyVersionList().stream()
                .filter(v -> Boolean.TRUE.equals(v.isDefaultVersion()))
                .map(PolicyVersion::document)
                .findFirst()
                .map(doc -> document(doc, policy.arn()));
    }

    /**
     * IAM returns policy documents URL-encoded (RFC 3986); a document that is already JSON is kept.
     */
    private static JsonNode document(String text, String policyName) {
        String json =
                text.stripLeading().startsWith("{")
                        ? text
                        : URLDecoder.decode(text, StandardCharsets.UTF_8);
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException(
                    "IAM returned a policy document that is not JSON: " + policyName);
        }
    }

    /** The account id, from the ARN of any principal or customer managed policy. */
    private Optional<String> accountId() {
        List<String> arns = new ArrayList<>(customerPolicies.keySet());
        roles.forEach(r -> arns.add(r.arn()));
        users.forEach(u -> arns.add(u.arn()));
        groups.forEach(g -> arns.add(g.arn()));
        return arns.stream()
                .map(arn -> arn.split(":"))
                .filter(f -> f.length > 4 && !f[4].isEmpty())
                .map(f -> f[4])
                .findFirst();
    }

    private static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
