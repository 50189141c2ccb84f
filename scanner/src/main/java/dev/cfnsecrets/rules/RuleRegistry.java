package dev.cfnsecrets.rules;

import java.util.ArrayList;
import java.util.List;

/** Every rule the scanner runs, in catalog order. */
public final class RuleRegistry {
    private RuleRegistry() {
    }

    public static List<Rule> all() {
        return List.of(
                new TemplateUnreadable(),
                new CredentialInEnv(), new SecretNamedEnvLiteral(), new SecretThroughParameter(),
                new SsmSecureUnsupported(), new PlaintextSsmForSecret(), new SecretResolvedIntoEnv(),
                new SecretInOutputs(), new SecretParameterEchoed(), new ReservedEnvVariable(),
                new EnvSecretDefaultKey(), new CredentialInSecretProperty(),
                new EnvOverLimit(), new EnvNearLimit(), new EnvSizeUnbounded(),
                new FunctionConfigReadableWidely(), new KmsDecryptOnAllKeys(), new KeyPolicyOpenDecrypt(),
                new BroadManagedPolicy(), new PrincipalCanReadFunctionSecrets());
    }

    /** The built-in rules and the catalog's custom rules. */
    public static List<Rule> of(Catalog catalog) {
        List<Rule> rules = new ArrayList<>(all());
        catalog.customRules().forEach(definition -> rules.add(new CustomRule(definition)));
        return rules;
    }
}
