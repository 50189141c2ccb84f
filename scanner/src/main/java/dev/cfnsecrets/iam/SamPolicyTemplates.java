package dev.cfnsecrets.iam;

import dev.cfnsecrets.eval.Part;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SAM policy templates that matter to the CFS3 rules, expanded the way SAM expands them
 * (samtranslator {@code policy_templates.json}). {@code KMSDecryptPolicy: {KeyId: k}} becomes
 * {@code Allow kms:Decrypt on arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/k}:
 * one key, unless {@code k} is itself a wildcard. Templates that grant neither Lambda reads nor KMS
 * decryption (SQSPollerPolicy, LambdaInvokePolicy …) contribute no statements.
 */
public final class SamPolicyTemplates {
    private SamPolicyTemplates() {}

    /**
     * The statements of one {@code Policies} entry such as {@code {KMSDecryptPolicy: {KeyId: …}}}.
     */
    public static Optional<Statement> expand(MapNode entry, StatementReader reader) {
        if (entry.entries().size() != 1 || entry.intrinsic().isPresent()) {
            return Optional.empty();
        }
        MapNode.Entry template = entry.entries().get(0);
        if (!template.name().equals("KMSDecryptPolicy")
                || !(template.value() instanceof MapNode parameters)) {
            return Optional.empty();
        }
        Optional<Node> keyId = parameters.get("KeyId");
        if (keyId.isEmpty()) {
            return Optional.empty();
        }
        List<PolicyString> resources = new ArrayList<>();
        for (PolicyString key : reader.strings(keyId.get())) {
            resources.add(keyArn(key, keyId.get()));
        }
        PolicyString action = PolicyString.literal("kms:Decrypt", template.key());
        return Optional.of(
                new Statement(
                        Effect.ALLOW,
                        "KMSDecryptPolicy",
                        List.of(action),
                        false,
                        resources,
                        false,
                        List.of(),
                        false,
                        List.of(),
                        entry));
    }

    private static PolicyString keyArn(PolicyString keyId, Node at) {
        char f = Glob.ANY_FIELD;
        List<Part.Unknown> unknowns = new ArrayList<>();
        for (String pseudo : List.of("AWS::Partition", "AWS::Region", "AWS::AccountId")) {
            unknowns.add(new Part.Unknown(Part.Unknown.Kind.PSEUDO_PARAMETER, pseudo, at));
        }
        unknowns.addAll(keyId.unknowns());
        return new PolicyString(
                "arn:" + f + ":kms:" + f + ":" + f + ":key/" + keyId.glob(), unknowns, at);
    }
}
