package dev.cfnsecrets.rules.cfs1xx;

import dev.cfnsecrets.rules.Rule;
import java.util.List;

/** The rules of this family, in catalog order. */
public final class Cfs1xxRules {
    private Cfs1xxRules() {}

    public static List<Rule> rules() {
        return List.of(
                // Both also read the lines of a file that does not parse for credentials.
                new InUnparsedFile(new CredentialInEnv(), true),
                new SecretNamedEnvLiteral(),
                new SecretThroughParameter(),
                new SsmSecureUnsupported(),
                new PlaintextSsmForSecret(),
                new SecretResolvedIntoEnv(),
                new SecretInOutputs(),
                new SecretParameterEchoed(),
                new ReservedEnvVariable(),
                new EnvSecretDefaultKey(),
                new InUnparsedFile(new CredentialInSecretProperty(), false));
    }
}
