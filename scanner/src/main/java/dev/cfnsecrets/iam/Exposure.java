package dev.cfnsecrets.iam;

import dev.cfnsecrets.source.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one Allow statement really grants for the CFS3 concerns, with IAM semantics: action globs
 * and {@code NotAction}, {@code Resource}/{@code NotResource} against the target, the conditions
 * that narrow the grant, and the explicit Denies of the statement set it takes effect in.
 */
public final class Exposure {

    /** A statement's grant: the actions it gives, and how its resources reach the target. */
    public record Grant(Statement statement, List<ActionGrant> actions, String resources) {
        public Grant {
            actions = List.copyOf(actions);
        }

        /** Where a finding points: the first granting action (or the {@code NotAction} list). */
        public Node anchor() {
            return actions.get(0).anchor();
        }

        /**
         * E.g. {@code lambda:GetFunctionConfiguration, lambda:GetFunction (through lambda:Get*,
         * …)}.
         */
        public String describeActions() {
            Map<String, List<String>> byWay = new LinkedHashMap<>();
            for (ActionGrant a : actions) {
                byWay.computeIfAbsent(a.way(), k -> new ArrayList<>()).add(a.action());
            }
            List<String> parts = new ArrayList<>();
            byWay.forEach(
                    (way, names) ->
                            parts.add(
                                    String.join(", ", names)
                                            + (way.isEmpty() ? "" : " (" + way + ")")));
            return String.join("; ", parts);
        }
    }

    private Exposure() {}

    /**
     * CFS301: function-configuration reads on every function ({@code ListFunctions} whenever it is
     * granted at all, since it takes no resource), in at least one of the statement sets.
     */
    public static Optional<Grant> configReadsOnAllFunctions(
            Statement s, List<List<Statement>> sets) {
        if (!isIdentityAllow(s)) {
            return Optional.empty();
        }
        List<ActionGrant> granted = new ArrayList<>();
        String resources = null;
        boolean tagged = Conditions.requiringResourceTag(s.conditions()).isPresent();
        Optional<String> how = tagged ? Optional.empty() : reaches(s, Target.ALL_FUNCTIONS);
        for (String action : Actions.FUNCTION_CONFIG_READS) {
            Optional<ActionGrant> grant = Actions.covering(s, action);
            if (grant.isPresent()
                    && how.isPresent()
                    && sets.stream().anyMatch(set -> !denied(action, Target.ALL_FUNCTIONS, set))) {
                granted.add(grant.get());
                resources = how.get();
            }
        }
        Optional<String> all = tagged ? Optional.empty() : reaches(s, Target.NO_RESOURCE);
        Optional<ActionGrant> list = Actions.covering(s, Actions.LIST_FUNCTIONS);
        if (list.isPresent()
                && all.isPresent()
                && sets.stream()
                        .anyMatch(
                                set -> !denied(Actions.LIST_FUNCTIONS, Target.NO_RESOURCE, set))) {
            granted.add(list.get());
            resources = resources == null ? all.get() : resources;
        }
        return granted.isEmpty() ? Optional.empty() : Optional.of(new Grant(s, granted, resources));
    }

    /**
     * CFS302: {@code kms:Decrypt}/{@code ReEncryptFrom} on every key without a narrowing condition.
     */
    public static Optional<Grant> decryptOnAllKeys(Statement s, List<List<Statement>> sets) {
        if (!isIdentityAllow(s) || Conditions.narrowingDecrypt(s.conditions()).isPresent()) {
            return Optional.empty();
        }
        Optional<String> how = reaches(s, Target.ALL_KEYS);
        if (how.isEmpty()) {
            return Optional.empty();
        }
        List<ActionGrant> granted = new ArrayList<>();
        for (String action : Actions.DECRYPT) {
            Optional<ActionGrant> grant = Actions.covering(s, action);
            if (grant.isPresent()
                    && sets.stream().anyMatch(set -> !denied(action, Target.ALL_KEYS, set))) {
                granted.add(grant.get());
            }
        }
        return granted.isEmpty() ? Optional.empty() : Optional.of(new Grant(s, granted, how.get()));
    }

    /**
     * Whether {@code s} allows some configuration read on some function: the check of {@link
     * #configReadsOf} that does not depend on the function, so a caller can drop the principals
     * that read nothing before it pairs the rest with every function.
     */
    public static boolean allowsAnyConfigRead(Statement s) {
        return isIdentityAllow(s)
                && (Actions.covering(s, Actions.LIST_FUNCTIONS).isPresent()
                        || Actions.FUNCTION_CONFIG_READS.stream()
                                .anyMatch(a -> Actions.covering(s, a).isPresent()));
    }

    /** CFS305: any configuration read that reaches {@code function}, however narrowly scoped. */
    public static Optional<Grant> configReadsOf(Statement s, Target function, List<Statement> set) {
        if (!isIdentityAllow(s) || Conditions.requiringResourceTag(s.conditions()).isPresent()) {
            return Optional.empty();
        }
        List<ActionGrant> granted = new ArrayList<>();
        String resources = null;
        // Actions first: most statements grant no read at all, and that check does not depend on
        // the function, while matching resources against it is the costly part (run per function).
        Optional<String> how = null;
        for (String action : Actions.FUNCTION_CONFIG_READS) {
            Optional<ActionGrant> grant = Actions.covering(s, action);
            if (grant.isEmpty()) {
                continue;
            }
            if (how == null) {
                how = reaches(s, function);
            }
            if (how.isPresent() && !denied(action, function, set)) {
                granted.add(grant.get());
                resources = how.get();
            }
        }
        Optional<ActionGrant> list = Actions.covering(s, Actions.LIST_FUNCTIONS);
        if (list.isPresent()) {
            Optional<String> all = reaches(s, Target.NO_RESOURCE);
            if (all.isPresent() && !denied(Actions.LIST_FUNCTIONS, Target.NO_RESOURCE, set)) {
                granted.add(list.get());
                resources = resources == null ? all.get() : resources;
            }
        }
        return granted.isEmpty() ? Optional.empty() : Optional.of(new Grant(s, granted, resources));
    }

    /**
     * Whether {@code set} lets its holder decrypt with {@code key} through an identity statement.
     */
    public static boolean identityDecrypts(Target key, List<Statement> set) {
        for (Statement s : set) {
            if (isIdentityAllow(s) && reaches(s, key).isPresent()) {
                for (String action : Actions.DECRYPT) {
                    if (Actions.covering(s, action).isPresent() && !denied(action, key, set)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * CFS303: a key-policy statement that lets everyone decrypt (or give themselves decryption
     * through {@code kms:CreateGrant}/{@code kms:PutKeyPolicy}) with no condition restricting the
     * caller, and no Deny to everyone in the same key policy taking it back.
     */
    public static Optional<Grant> openKeyDecrypt(Statement s, List<Statement> keyPolicy) {
        if (!s.isAllow()
                || !admitsEveryone(s)
                || Conditions.restrictingCaller(s.conditions()).isPresent()
                || !appliesToThisKey(s)) {
            return Optional.empty();
        }
        List<ActionGrant> granted = new ArrayList<>();
        List<String> actions = new ArrayList<>(Actions.DECRYPT);
        actions.addAll(Actions.DECRYPT_BY_ESCALATION);
        for (String action : actions) {
            Optional<ActionGrant> grant = Actions.covering(s, action);
            if (grant.isPresent() && !deniedToEveryone(action, keyPolicy)) {
                granted.add(grant.get());
            }
        }
        return granted.isEmpty()
                ? Optional.empty()
                : Optional.of(new Grant(s, granted, "this key"));
    }

    /**
     * {@code Principal: "*"}, {@code {AWS: "*"}} (also inside a list), or an Allow with {@code
     * NotPrincipal}.
     */
    public static boolean admitsEveryone(Statement s) {
        return s.notPrincipal() || s.principals().stream().anyMatch(PrincipalEntry::isEveryone);
    }

    private static boolean appliesToThisKey(Statement s) {
        if (s.notResource()) {
            return s.resources().stream().noneMatch(r -> Glob.matches(r.glob(), "*", false));
        }
        return !s.resources().isEmpty();
    }

    private static boolean isIdentityAllow(Statement s) {
        return s.isAllow() && !s.hasPrincipal() && !s.notPrincipal();
    }

    /**
     * How the statement's resources reach the target: {@code Resource "…"} naming the pattern that
     * covers it, or, for {@code NotResource}, every resource but the listed ones.
     */
    static Optional<String> reaches(Statement s, Target target) {
        if (s.notResource()) {
            for (PolicyString excluded : s.resources()) {
                if (target.coveredBy(excluded)) {
                    return Optional.empty();
                }
            }
            return Optional.of(
                    "every resource except NotResource "
                            + s.resources().stream()
                                    .map(r -> "\"" + r.shown() + "\"")
                                    .collect(Collectors.joining(", ")));
        }
        for (PolicyString pattern : s.resources()) {
            if (target.coveredBy(pattern)) {
                return Optional.of("Resource \"" + pattern.shown() + "\"");
            }
        }
        return Optional.empty();
    }

    /**
     * An explicit identity Deny of {@code action} on the whole target, unconditional or narrowing
     * decryption.
     */
    private static boolean denied(String action, Target target, List<Statement> set) {
        for (Statement d : set) {
            if (d.isDeny()
                    && !d.hasPrincipal()
                    && Actions.covering(d, action).isPresent()
                    && reaches(d, target).isPresent()
                    && (d.conditions().isEmpty()
                            || (Actions.DECRYPT.contains(action)
                                    && Conditions.denyNarrowsDecrypt(d.conditions())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean deniedToEveryone(String action, List<Statement> keyPolicy) {
        for (Statement d : keyPolicy) {
            if (d.isDeny()
                    && admitsEveryone(d)
                    && Actions.covering(d, action).isPresent()
                    && (d.conditions().isEmpty()
                            || Conditions.denyRestrictsCaller(d.conditions()))) {
                return true;
            }
        }
        return false;
    }
}
