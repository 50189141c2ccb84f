package dev.cfnsecrets.model;

import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.SourceFile;

/**
 * Template, policy document or not ours, exactly as the README's Usage says: a template has {@code
 * AWSTemplateFormatVersion} or a {@code Resources} map whose entries have a {@code Type}; a policy
 * document has {@code Statement} at the top level.
 */
public final class DocumentClassifier {
    private DocumentClassifier() {}

    public static Document classify(SourceFile source, Node root) {
        if (root instanceof MapNode map) {
            if (map.has("AWSTemplateFormatVersion") || hasTypedResources(map)) {
                return new Document.TemplateDocument(Template.of(source, map));
            }
            if (map.has("Statement")) {
                return new Document.PolicyDocument(source, map);
            }
        }
        return new Document.NotOurs(source.path());
    }

    private static boolean hasTypedResources(MapNode map) {
        return map.getMap("Resources")
                .filter(resources -> !resources.entries().isEmpty())
                .map(
                        resources ->
                                resources.entries().stream()
                                        .anyMatch(
                                                e ->
                                                        e.value() instanceof MapNode r
                                                                && r.has("Type")))
                .orElse(false);
    }
}
