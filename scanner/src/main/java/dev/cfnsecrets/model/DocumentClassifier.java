package dev.cfnsecrets.model;

import dev.cfnsecrets.source.InputProblem;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.SourceFile;
import java.util.Optional;

/**
 * Template, policy document or not ours, exactly as the README's Usage says: a template has {@code
 * AWSTemplateFormatVersion} or a {@code Resources} map whose entries have a {@code Type}; a policy
 * document has {@code Statement} at the top level.
 */
public final class DocumentClassifier {
    private DocumentClassifier() {}

    public static Document classify(SourceFile source, Node root) {
        return classify(source, root, Optional.empty());
    }

    /**
     * {@code duplicateKey}: the first duplicate key of the document, whose tree holds the last
     * value of each; a file that is not ours then stays unreadable (CFS001), as it always was.
     */
    public static Document classify(
            SourceFile source, Node root, Optional<InputProblem> duplicateKey) {
        if (root instanceof MapNode map) {
            if (map.has("AWSTemplateFormatVersion") || hasTypedResources(map)) {
                return new Document.TemplateDocument(Template.of(source, map), duplicateKey);
            }
            if (map.has("Statement")) {
                return new Document.PolicyDocument(source, map, duplicateKey);
            }
        }
        return duplicateKey
                .<Document>map(d -> new Document.Unreadable(source.path(), source, d))
                .orElseGet(() -> new Document.NotOurs(source.path()));
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
