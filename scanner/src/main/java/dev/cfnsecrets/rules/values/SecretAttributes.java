package dev.cfnsecrets.rules.values;

import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.secrets.BlastRadius;
import dev.cfnsecrets.secrets.SecretNames;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Fn::GetAtt} attributes whose value is a secret: CloudFormation resolves them at deploy
 * time, so wherever they are written the plaintext ends up (an environment, an Output). An AppSync
 * API key is made to be handed to clients, so its radius is low; the others are real credentials.
 */
public final class SecretAttributes {
    /** What a secret attribute returns, in words, and how far it reaches. */
    public record Secret(String description, BlastRadius radius) {}

    private record Known(String attribute, BlastRadius radius) {}

    private static final Map<String, Known> BY_TYPE =
            Map.of(
                    "AWS::IAM::AccessKey", new Known("SecretAccessKey", BlastRadius.CRITICAL),
                    "AWS::Cognito::UserPoolClient", new Known("ClientSecret", BlastRadius.HIGH),
                    "AWS::AppSync::ApiKey", new Known("ApiKey", BlastRadius.LOW),
                    "AWS::IAM::ServiceSpecificCredential",
                            new Known("ServicePassword", BlastRadius.HIGH));

    private SecretAttributes() {}

    /**
     * For an attribute reference {@code Resource.Attribute} (as the evaluator names it), the secret
     * it returns ("the ClientSecret of UserPoolClient"), if it returns one. A nested stack's
     * secret-named output ({@code Stack.Outputs.DbPassword}) counts too.
     */
    public static Optional<Secret> of(Template template, String attribute) {
        int dot = attribute.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String id = attribute.substring(0, dot);
        String name = attribute.substring(dot + 1);
        Resource resource = template.resources().get(id);
        if (resource == null) {
            return Optional.empty();
        }
        Known known = BY_TYPE.get(resource.type());
        if (known != null && name.equals(known.attribute())) {
            return Optional.of(new Secret("the " + name + " of " + id, known.radius()));
        }
        String output = name.startsWith("Outputs.") ? name.substring("Outputs.".length()) : "";
        if (resource.type().equals("AWS::CloudFormation::Stack")
                && SecretNames.isSecretName(output)) {
            return Optional.of(
                    new Secret(
                            "output " + output + " of nested stack " + id,
                            SecretNames.blastRadius(output)));
        }
        return Optional.empty();
    }
}
