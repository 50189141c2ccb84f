package dev.cfnsecrets.iam;

import dev.cfnsecrets.eval.Part;
import java.util.List;

/**
 * What a request touches, for comparing it with a statement's {@code Resource}/{@code NotResource}
 * patterns. {@link #coveredBy} answers whether a pattern takes in the whole target.
 */
public interface Target {
    char F = Glob.ANY_FIELD;

    boolean coveredBy(PolicyString pattern);

    /**
     * Every function: a pattern covers it when it matches functions of any name (probes with
     * unrelated names, plain and with a version qualifier), whatever the account and Region.
     */
    Target ALL_FUNCTIONS =
            new Probed(
                    List.of(
                            List.of("x", "Q7-_z9", "orders-prod"),
                            List.of("x:$LATEST", "Q7-_z9:1", "orders-prod:live")),
                    name -> "arn:" + F + ":lambda:" + F + ":" + F + ":function:" + name);

    /** Every KMS key, whatever the account and Region. */
    Target ALL_KEYS =
            new Probed(
                    List.of(List.of("1234abcd-12ab-34cd-56ef-1234567890ab", "mrk-0f9e8d7c", "x")),
                    id -> "arn:" + F + ":kms:" + F + ":" + F + ":key/" + id);

    /**
     * The request resource of actions that take none ({@code lambda:ListFunctions}): only {@code *}
     * allows them.
     */
    Target NO_RESOURCE =
            new Target() {
                @Override
                public boolean coveredBy(PolicyString pattern) {
                    return Glob.matches(pattern.glob(), "*", false);
                }
            };

    /**
     * One function of the template; {@code name} is its literal {@code FunctionName}, or null when
     * generated.
     */
    static Target function(String logicalId, String name) {
        return new Named(
                logicalId,
                "lambda",
                "function:",
                name == null ? String.valueOf(Glob.OPAQUE) : name);
    }

    /**
     * One deployed function, by its ARN ({@code
     * arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME}): covered by a pattern that matches that
     * ARN, or the ARN of one of its versions or aliases ({@code …:NAME:*}), whose configuration
     * holds the same environment.
     */
    static Target deployedFunction(String arn) {
        return pattern ->
                Glob.matches(pattern.glob(), arn, false)
                        || Glob.overlaps(pattern.glob(), arn + ":" + F, false);
    }

    /** One deployed KMS key, by its ARN ({@code arn:PARTITION:kms:REGION:ACCOUNT:key/ID}). */
    static Target deployedKey(String arn) {
        return pattern -> Glob.matches(pattern.glob(), arn, false);
    }

    /**
     * One key of the template (its ARN ends in {@code key/} and the key id, which is generated).
     */
    static Target key(String logicalId) {
        return new Named(logicalId, "kms", "key/", String.valueOf(Glob.OPAQUE));
    }

    /**
     * A target matched by probing: covered when a pattern overlaps every probe of one probe set.
     */
    record Probed(List<List<String>> probeSets, java.util.function.Function<String, String> arn)
            implements Target {
        @Override
        public boolean coveredBy(PolicyString pattern) {
            for (List<String> probes : probeSets) {
                if (probes.stream()
                        .allMatch(p -> Glob.overlaps(pattern.glob(), arn.apply(p), false))) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A resource defined in the template. A pattern covers it when it is the resource's own ARN
     * ({@code !GetAtt Id.Arn}, optionally with a suffix such as {@code :*}), an ARN built from
     * {@code !Ref Id}, an ARN pattern that matches its literal name, or a pattern that takes in
     * every resource of its kind.
     */
    record Named(String logicalId, String service, String resourcePrefix, String name)
            implements Target {
        @Override
        public boolean coveredBy(PolicyString pattern) {
            if (ownArn(pattern)) {
                return true;
            }
            String arn =
                    "arn:" + F + ":" + service + ":" + F + ":" + F + ":" + resourcePrefix + name;
            // A deploy-time piece overlaps any other one; only trust that when it names this
            // resource.
            boolean opaque = pattern.glob().indexOf(Glob.OPAQUE) >= 0;
            return (!opaque || pattern.refersTo(logicalId))
                    && Glob.overlaps(pattern.glob(), arn, false);
        }

        private boolean ownArn(PolicyString pattern) {
            if (pattern.glob().isEmpty()
                    || pattern.glob().charAt(0) != Glob.OPAQUE
                    || pattern.unknowns().isEmpty()) {
                return false;
            }
            Part.Unknown first = pattern.unknowns().get(0);
            return first.kind() == Part.Unknown.Kind.ATTRIBUTE
                    && first.name().equals(logicalId + ".Arn");
        }
    }
}
