package dev.cfnsecrets.rules.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import dev.cfnsecrets.catalog.CustomRuleDefinition;
import dev.cfnsecrets.catalog.CustomRuleDefinition.Expectation;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.rules.Fingerprint;
import dev.cfnsecrets.rules.ResourceRule;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A custom rule from the configuration: the property at the rule's path, as JSON, checked against
 * the rule's schema. The message never quotes the property's value: it may be a secret that no
 * detector recognises. The value's texts are handed to the reporters as secrets, so that the source
 * line they show is redacted too.
 */
final class CustomRule extends ResourceRule {
    /** Shorter text from a value is not worth hiding, and would hide most schema messages. */
    private static final int SHORTEST_HIDDEN = 4;

    private final CustomRuleDefinition rule;

    CustomRule(CustomRuleDefinition rule) {
        this.rule = rule;
    }

    @Override
    public String id() {
        return rule.id();
    }

    @Override
    protected void check(RuleContext context, Template template, Resource resource) {
        if (!rule.appliesTo(resource.type())) {
            return;
        }
        for (ResourceProperty property : ResourceProperty.matches(resource, rule.path())) {
            if (property.missing() && rule.reportWhenMissing()) {
                reportMissing(context, resource, property);
            } else if (property.node() != null) {
                check(context, resource, property);
            }
        }
    }

    private void reportMissing(RuleContext context, Resource resource, ResourceProperty property) {
        Span at = resource.node().get("Type").map(Node::span).orElse(resource.key().span());
        context.report(rule.id())
                .message(message(resource, property) + " (" + property.path() + " is missing)")
                .at(at, Node.childPath(resource.node().path(), property.path()))
                .resource(resource)
                .value(resource.logicalId() + "\nmissing")
                .add();
    }

    private void check(RuleContext context, Resource resource, ResourceProperty property) {
        JsonNode value = NodeJson.of(property.node());
        List<Error> errors = rule.schema().validate(value);
        boolean violated =
                rule.expectation() == Expectation.MUST ? !errors.isEmpty() : errors.isEmpty();
        if (!violated) {
            return;
        }
        List<String> hidden = hidden(value);
        String detail = "";
        ResourceProperty at = property;
        if (rule.expectation() == Expectation.MUST) {
            detail = " (" + describe(errors.get(0), property, hidden) + ")";
            // At the part of the value that fails, when the error names one that is written out.
            ResourceProperty inner = property.inside(segments(errors.get(0).getInstanceLocation()));
            at = inner.node() == null ? property : inner;
        }
        RuleContext.Builder report =
                context.report(rule.id())
                        .message(message(resource, property) + detail)
                        .at(at.span(), at.node().path())
                        .resource(resource)
                        .value(resource.logicalId() + "\n" + Fingerprint.shapeOf(value.toString()));
        // The source line a report shows holds the value too: redact it there as well.
        hidden.forEach(report::secret);
        report.add();
    }

    /** {@code {path}} is the property's own path: under a '*' step, the match's index or key. */
    private String message(Resource resource, ResourceProperty property) {
        return rule.message()
                .replace("{resource}", resource.logicalId())
                .replace("{type}", resource.type())
                .replace("{path}", property.path());
    }

    /**
     * The first schema error, where in the property it is, e.g. {@code Properties/Runtime: does not
     * have a value in the enumeration ["nodejs20.x"]}; a validator message that quotes text of the
     * value is replaced by the failing keyword.
     */
    private String describe(Error error, ResourceProperty property, List<String> hidden) {
        String where = property.path() + error.getInstanceLocation();
        String message = error.getMessage();
        for (String text : hidden) {
            if (message.contains(text)) {
                return where + ": fails the schema's '" + error.getKeyword() + "'";
            }
        }
        return where + ": " + message;
    }

    private static List<String> segments(NodePath location) {
        List<String> segments = new ArrayList<>();
        for (int i = 0; i < location.getNameCount(); i++) {
            segments.add(String.valueOf(location.getElement(i)));
        }
        return segments;
    }

    /** The value's texts that neither the message nor the shown source line may quote. */
    private static List<String> hidden(JsonNode value) {
        return texts(value, new ArrayList<>()).stream()
                .filter(text -> text.length() >= SHORTEST_HIDDEN)
                .toList();
    }

    private static List<String> texts(JsonNode value, List<String> into) {
        if (value.isValueNode()) {
            into.add(value.asText());
        }
        value.forEach(child -> texts(child, into));
        return into;
    }
}
