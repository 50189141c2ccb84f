package dev.cfnsecrets.rules.cfs3xx;

import dev.cfnsecrets.iam.Exposure;
import dev.cfnsecrets.iam.Statement;
import dev.cfnsecrets.rules.CdkAdvice;
import java.util.List;
import java.util.Optional;

/**
 * CFS302: an Allow of {@code kms:Decrypt} or {@code kms:ReEncryptFrom} on every key with no
 * condition that narrows it. Every key whose policy delegates to IAM (the default key policy) is
 * open to the holder, customer managed keys of Lambda environments among them.
 */
final class KmsDecryptOnAllKeys extends GrantOnAllRule {
    @Override
    public String id() {
        return "CFS302";
    }

    @Override
    Optional<Exposure.Grant> grant(Statement s, List<List<Statement>> sets) {
        return Exposure.decryptOnAllKeys(s, sets);
    }

    @Override
    String message(String policy, Exposure.Grant grant, boolean inCdkApp) {
        return "The "
                + policy
                + " allows "
                + grant.describeActions()
                + " on all keys ("
                + grant.resources()
                + ") with no condition that narrows it, so the holder can decrypt with every key"
                + " whose key policy delegates to IAM. "
                + (inCdkApp
                        ? CdkAdvice.grantInstead("keys", "key.keyArn", "key.grantDecrypt(role)")
                                + "."
                        : "Scope Resource to the key ARNs it needs, or add a kms:ViaService or"
                                + " kms:EncryptionContext condition.");
    }
}
