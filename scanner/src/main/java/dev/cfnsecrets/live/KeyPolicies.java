package dev.cfnsecrets.live;

import dev.cfnsecrets.rules.cfs3xx.AccountPrincipalCanReadFunctionSecrets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The key policies of the keys that encrypt functions' environments, read with KMS {@code
 * GetKeyPolicy} (the only policy name, {@code default}) once per key. A key whose policy cannot be
 * read (access denied, no such key, an endpoint that fails) does not stop the scan: its answer is
 * the reason, which the finding then gives.
 */
final class KeyPolicies
        implements Function<String, AccountPrincipalCanReadFunctionSecrets.KeyPolicy> {
    private final KmsClient kms;
    private final Map<String, AccountPrincipalCanReadFunctionSecrets.KeyPolicy> byKey =
            new HashMap<>();

    KeyPolicies(KmsClient kms) {
        this.kms = kms;
    }

    @Override
    public AccountPrincipalCanReadFunctionSecrets.KeyPolicy apply(String keyArn) {
        return byKey.computeIfAbsent(keyArn, this::read);
    }

    private AccountPrincipalCanReadFunctionSecrets.KeyPolicy read(String keyArn) {
        try {
            return AccountPrincipalCanReadFunctionSecrets.KeyPolicy.of(
                    kms.getKeyPolicy(r -> r.keyId(keyArn).policyName("default")).policy());
        } catch (SdkException e) {
            return AccountPrincipalCanReadFunctionSecrets.KeyPolicy.unread(
                    "kms:GetKeyPolicy failed: " + AwsCalls.reason(e));
        }
    }
}
