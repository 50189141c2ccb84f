package dev.cfnsecrets.rules;

import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.secrets.SecretNames;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Fn::GetAtt} attributes whose value is a secret: CloudFormation resolves them at deploy
 * time, so wherever they are written the plaintext ends up (an environment, an Output).
 */
final class SecretAttributes {
    private static final Map<String, String> BY_TYPE = Map.of(
            "AWS::IAM::AccessKey", "SecretAccessKey",
            "AWS::Cognito::UserPoolClient", "ClientSecret",
            "AWS::AppSync::ApiKey", "ApiKey",
            "AWS::IAM::ServiceSpecificCredential", "ServicePassword");

    private SecretAttributes() {
    }

    /**
     * For an attribute reference {@code Resource.Attribute} (as the evaluator names it), the words for
     * the secret it returns ("the ClientSecret of UserPoolClient"), if it returns one. A nested
     * stack's secret-named output ({@code Stack.Outputs.DbPassword}) counts too.
     */
    static Optional<String> describe(Template template, String attribute) {
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
        if (name.equals(BY_TYPE.get(resource.type()))) {
            return Optional.of("the " + name + " of " + id);
        }
        if (resource.type().equals("AWS::CloudFormation::Stack") && name.startsWith("Outputs.")
                && SecretNames.isSecretName(name.substring("Outputs.".length()))) {
            return Optional.of("output " + name.substring("Outputs.".length()) + " of nested stack " + id);
        }
        return Optional.empty();
    }
}
