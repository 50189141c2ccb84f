package dev.cfnsecrets.rules.cfs3xx;

import dev.cfnsecrets.rules.Rule;
import java.util.List;

/** The rules of this family, in catalog order. */
public final class Cfs3xxRules {
    private Cfs3xxRules() {}

    public static List<Rule> rules() {
        return List.of(
                new FunctionConfigReadableWidely(),
                new KmsDecryptOnAllKeys(),
                new KeyPolicyOpenDecrypt(),
                new BroadManagedPolicy(),
                new PrincipalCanReadFunctionSecrets());
    }
}
