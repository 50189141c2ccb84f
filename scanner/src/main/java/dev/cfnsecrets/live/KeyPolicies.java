package dev.cfnsecrets.live;

import dev.cfnsecrets.rules.cfs3xx.AccountConfigReads;
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
final class KeyPolicies implements Function<String, AccountConfigReads.KeyPolicy> {
    private final KmsClient kms;
    private final Map<String, AccountConfigReads.KeyPolicy> byKey = new HashMap<>();

    KeyPolicies(KmsClient kms) {
        this.kms = kms;
    }

    @Override
    public AccountConfigReads.KeyPolicy apply(String keyArn) {
        return byKey.computeIfAbsent(keyArn, this::read);
    }

    private AccountConfigReads.KeyPolicy read(String keyArn) {
        try {
            return AccountConfigReads.KeyPolicy.of(
                    kms.getKeyPolicy(r -> r.keyId(keyArn).policyName("default")).policy());
        } catch (SdkException e) {
            return AccountConfigReads.KeyPolicy.unread("kms:GetKeyPolicy failed: " + AwsCalls.reason(e));
        }
    }
}
