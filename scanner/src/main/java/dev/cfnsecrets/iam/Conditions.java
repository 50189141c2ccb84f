package dev.cfnsecrets.iam;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The condition keys that change what the CFS3 rules conclude
 * (docs/facts.md#kms-key-policies-and-condition-keys).
 */
public final class Conditions {
    /** Keys that bind {@code kms:Decrypt} to one service or one encryption context. */
    private static final Set<String> DECRYPT_NARROWING =
            Set.of("kms:viaservice", "kms:encryptioncontextkeys");

    private static final String ENCRYPTION_CONTEXT_PREFIX = "kms:encryptioncontext:";

    /** Keys that tie a {@code *} principal to known callers. */
    private static final Set<String> CALLER_RESTRICTING =
            Set.of(
                    "aws:principalorgid",
                    "aws:principalaccount",
                    "aws:sourceaccount",
                    "kms:calleraccount",
                    "aws:principalarn");

    private static final String RESOURCE_TAG_PREFIX = "aws:resourcetag/";

    private Conditions() {}

    /**
     * The condition that narrows {@code kms:Decrypt}: {@code kms:ViaService}, {@code
     * kms:EncryptionContext:*} or {@code kms:EncryptionContextKeys} required to match a value.
     * ({@code kms:CallerAccount} narrows only together with {@code kms:ViaService}, which narrows
     * on its own.)
     */
    public static Optional<Condition> narrowingDecrypt(List<Condition> conditions) {
        return conditions.stream()
                .filter(c -> isDecryptNarrowingKey(c) && c.requiresMatchingValue())
                .findFirst();
    }

    /**
     * For a Deny: a negated condition on a narrowing key ({@code StringNotEquals kms:ViaService …})
     * denies every request except the narrowed ones, so what the Allow grants is narrowed.
     */
    public static boolean denyNarrowsDecrypt(List<Condition> conditions) {
        return !conditions.isEmpty()
                && conditions.stream()
                        .allMatch(c -> isDecryptNarrowingKey(c) && c.isNegatedMatch());
    }

    /**
     * For a Deny to everyone: {@code StringNotEquals aws:PrincipalOrgID …} and the like deny every
     * caller but the known ones, so an Allow to everyone in the same key policy is restricted.
     */
    public static boolean denyRestrictsCaller(List<Condition> conditions) {
        return !conditions.isEmpty()
                && conditions.stream()
                        .allMatch(
                                c ->
                                        CALLER_RESTRICTING.contains(c.normalizedKey())
                                                && c.isNegatedMatch());
    }

    /**
     * The condition that restricts who may call: one of the caller keys required to match a value.
     */
    public static Optional<Condition> restrictingCaller(List<Condition> conditions) {
        return conditions.stream()
                .filter(
                        c ->
                                CALLER_RESTRICTING.contains(c.normalizedKey())
                                        && c.requiresMatchingValue())
                .findFirst();
    }

    /**
     * A required {@code aws:ResourceTag/…} value: the grant reaches only tagged functions, and
     * resource-less actions such as {@code ListFunctions} (no tag in the request) not at all.
     */
    public static Optional<Condition> requiringResourceTag(List<Condition> conditions) {
        return conditions.stream()
                .filter(
                        c ->
                                c.normalizedKey().startsWith(RESOURCE_TAG_PREFIX)
                                        && c.requiresMatchingValue())
                .findFirst();
    }

    private static boolean isDecryptNarrowingKey(Condition c) {
        String key = c.normalizedKey();
        return DECRYPT_NARROWING.contains(key) || key.startsWith(ENCRYPTION_CONTEXT_PREFIX);
    }
}
