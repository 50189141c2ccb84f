package dev.cfnsecrets.envsize;

import dev.cfnsecrets.eval.Part;
import java.util.Map;

/**
 * How large an unknown piece of a variable commonly gets, for CFS203. These are not AWS maxima: a
 * Secrets Manager secret may hold 65,536 bytes, an SSM String parameter 4 KB (8 KB in the advanced
 * tier), a Parameter value 4 KB, and with those every unresolved value could break the limit, so
 * CFS203 would fire on nearly every function. Instead each unknown value is given the size that
 * identifiers, ARNs, URLs and single secrets commonly stay under, and CFS203 fires when the known
 * part leaves less room than that. Pseudo parameters have exact maxima.
 */
public final class UnknownSizes {
    /** An ARN, URL, name, id or single secret field: comfortably under 256 bytes in practice. */
    public static final long COMMON_VALUE = 256;

    /** A whole Secrets Manager secret (no JSON key): often a JSON document of several fields. */
    public static final long WHOLE_SECRET = 1024;

    private static final Map<String, Long> PSEUDO_PARAMETERS =
            Map.of(
                    "AWS::AccountId", 12L,
                    "AWS::Region", 14L, // e.g. ap-southeast-2
                    "AWS::Partition", 9L, // aws-iso-b
                    "AWS::URLSuffix", 16L, // amazonaws.com.cn
                    "AWS::StackName", 128L,
                    // arn:<partition>:cloudformation:<region>:<account>:stack/<name>/<uuid>
                    "AWS::StackId", 4L + 9 + 16 + 14 + 1 + 12 + 7 + 128 + 1 + 36);

    private UnknownSizes() {}

    public static long of(Part.Unknown unknown) {
        if (unknown.kind() == Part.Unknown.Kind.PSEUDO_PARAMETER) {
            return PSEUDO_PARAMETERS.getOrDefault(unknown.name(), COMMON_VALUE);
        }
        return COMMON_VALUE;
    }

    public static long of(Part.DynamicReference reference) {
        return reference.isSecretsManager() && isWholeSecret(reference.key())
                ? WHOLE_SECRET
                : COMMON_VALUE;
    }

    /**
     * A {@code secretsmanager} reference key is {@code
     * secret-id:secret-string:json-key:stage:version} (docs/facts.md#syntax-and-limits), where the
     * secret id is a name or an ARN ({@code arn:aws:secretsmanager:region: account:secret:name},
     * seven fields). Without a JSON key it resolves to the whole secret string.
     */
    static boolean isWholeSecret(String key) {
        String[] fields = key.split(":", -1);
        int jsonKey = (key.startsWith("arn:") ? 7 : 1) + 1;
        return jsonKey >= fields.length || fields[jsonKey].isEmpty();
    }
}
