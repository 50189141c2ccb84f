package dev.cfnsecrets;

import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.source.MapNode;

/**
 * The template the tests write most: one Lambda function {@code Fn} and its environment variables.
 */
public final class TestTemplates {
    /**
     * Lines 1-6: function {@code Fn} down to its {@code Variables:} key; the variables follow at
     * ten spaces.
     */
    private static final String FUNCTION_VARIABLES =
            """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Environment:
                    Variables:
            """;

    private TestTemplates() {}

    /** The {@code Environment.Variables} map of {@code function}. */
    public static MapNode variables(Resource function) {
        return function.properties()
                .getMap("Environment")
                .orElseThrow()
                .getMap("Variables")
                .orElseThrow();
    }

    /**
     * Function {@code Fn} with {@code variables} from line 7: each line of {@code variables} (marks
     * included) indented by ten spaces and ended by a line break, so a text block reads as written.
     */
    public static String functionWithVariables(String variables) {
        StringBuilder text = new StringBuilder(FUNCTION_VARIABLES);
        variables.lines().forEach(line -> text.append("          ").append(line).append('\n'));
        return text.toString();
    }
}
