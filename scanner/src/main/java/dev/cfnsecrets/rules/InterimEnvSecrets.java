package dev.cfnsecrets.rules;

import dev.cfnsecrets.eval.Evaluator;
import dev.cfnsecrets.eval.Part;
import dev.cfnsecrets.eval.Value;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.source.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which environment variables of a function hold a secret — an interim predicate for CFS305 until
 * the CFS1xx detectors (package {@code secrets/}, issue #3) are on main; then CFS305 should ask
 * those detectors instead (a CFS101/CFS102/CFS103/CFS105/CFS106 match on the variable). Until then:
 * a dynamic reference ({@code secretsmanager}, {@code ssm-secure}, {@code ssm}) anywhere in the
 * value, or a secret-named variable holding a literal or a Parameter value.
 */
final class InterimEnvSecrets {
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(passw(or)?d|pwd|secret|token|api[-_]?key|private[-_]?key|credential|access[-_]?key|auth[-_]?key).*");
    /** Names that hold a secret's identifier, not the secret: SECRET_ARN, DB_PASSWORD_PARAMETER_NAME … */
    private static final Pattern IDENTIFIER_NAME = Pattern.compile(
            "(?i).*(arn|name|id|path|url|uri|region|table|bucket|parameter|param|ttl|expiry|expiration|header)$");
    private static final Pattern NOT_A_SECRET_VALUE = Pattern.compile(
            "(?i)(arn:.*|/.*|https?://[^@]*|\\d+|true|false|yes|no|none|null|)");

    /** One variable and what makes it a secret, e.g. {@code a secretsmanager dynamic reference}. */
    record SecretVariable(MapNode.Entry variable, String why) {
        String name() {
            return variable.name();
        }
    }

    private InterimEnvSecrets() {
    }

    static List<SecretVariable> of(Resource function, Evaluator evaluator) {
        List<SecretVariable> out = new ArrayList<>();
        Optional<MapNode> variables = function.properties().getMap("Environment").flatMap(e -> e.getMap("Variables"));
        if (variables.isEmpty()) {
            return out;
        }
        for (MapNode.Entry variable : variables.get().entries()) {
            why(variable.name(), evaluator.evaluate(variable.value())).ifPresent(w -> out.add(new SecretVariable(variable, w)));
        }
        return out;
    }

    private static Optional<String> why(String name, Value value) {
        boolean secretName = SECRET_NAME.matcher(name).matches() && !IDENTIFIER_NAME.matcher(name).matches();
        for (Value.Text text : value.alternatives()) {
            for (Part.DynamicReference ref : text.dynamicReferences()) {
                return Optional.of("a " + ref.service() + " dynamic reference, resolved into the configuration");
            }
            if (!secretName) {
                continue;
            }
            String parameter = text.literals().stream().map(Part.Literal::viaParameter)
                    .filter(p -> p != null).findFirst()
                    .orElse(text.unknowns().stream().filter(u -> u.kind() == Part.Unknown.Kind.PARAMETER)
                            .map(Part.Unknown::name).findFirst().orElse(null));
            if (parameter != null) {
                return Optional.of("the value of Parameter " + parameter);
            }
            if (text.isLiteral() && !NOT_A_SECRET_VALUE.matcher(text.literal().strip()).matches()) {
                return Optional.of("a literal value");
            }
        }
        return Optional.empty();
    }
}
