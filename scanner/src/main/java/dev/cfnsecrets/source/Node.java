package dev.cfnsecrets.source;

/**
 * One node of a parsed YAML or JSON document. Every node knows where its text is ({@link #span()})
 * and where it sits in the document ({@link #path()}, e.g. {@code
 * Resources/Fn/Properties/Handler}), so a finding can point at both. Short-form CloudFormation tags
 * arrive here already in their long form: {@code !Sub x} is a one-entry map {@code {Fn::Sub: x}}
 * whose key spans the tag.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {
    Span span();

    String path();

    /** Appends a key or index to a document path. */
    static String childPath(String parent, String key) {
        return parent.isEmpty() ? key : parent + "/" + key;
    }
}
