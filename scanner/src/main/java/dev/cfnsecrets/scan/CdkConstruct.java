package dev.cfnsecrets.scan;

import java.util.List;

/**
 * One element of a CDK stack (a resource, Parameter, Output or Condition) as its cloud assembly's
 * metadata records it.
 *
 * @param path the construct path, without a leading '/', e.g. {@code Prod/Api/Fn/Resource}
 * @param trace the frames of the stack that created it, as recorded ({@code aws:cdk:creationStack}
 *     entries, or the {@code trace} of its {@code aws:cdk:logicalId} entry in older assemblies):
 *     raw text of the machine that synthesised, never interpreted here; empty when none was
 *     recorded
 */
public record CdkConstruct(String path, List<String> trace) {
    public CdkConstruct {
        trace = List.copyOf(trace);
    }
}
