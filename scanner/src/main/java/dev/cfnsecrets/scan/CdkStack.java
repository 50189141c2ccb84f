package dev.cfnsecrets.scan;

import java.util.Map;
import java.util.Optional;

/**
 * A stack template of a CDK cloud assembly: the stack's name, and its elements by logical id.
 *
 * @param name the stack's display name ({@code Prod/Api}, its hierarchical id in the app); for a
 *     nested stack, its parent's name and its own path under it ({@code Prod/Api/Database})
 */
public record CdkStack(String name, Map<String, CdkConstruct> byLogicalId) {
    public CdkStack {
        byLogicalId = Map.copyOf(byLogicalId);
    }

    /** What the metadata records of the element {@code logicalId} of this template. */
    public Optional<CdkConstruct> construct(String logicalId) {
        return logicalId == null
                ? Optional.empty()
                : Optional.ofNullable(byLogicalId.get(logicalId));
    }
}
