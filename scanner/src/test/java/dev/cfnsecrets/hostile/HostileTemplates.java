package dev.cfnsecrets.hostile;

/** The Lambda function the hostile-input tests plant their values in. */
final class HostileTemplates {
    /**
     * Lines 1-10: a function whose {@code Environment} key is on line 10; its content follows at
     * eight spaces.
     */
    static final String ENVIRONMENT =
            """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  Code: {ZipFile: "def handler(e, c): pass"}
                  Role: arn:aws:iam::123456789012:role/fn
                  Environment:
            """;

    /** Lines 1-11: the same with {@code Variables:} on line 11; variables follow at ten spaces. */
    static final String VARIABLES = ENVIRONMENT + "        Variables:\n";

    /**
     * A password-named variable holding a literal: one CFS102 error on line 12 (and a CFS110 note
     * on the function).
     */
    static final String LEAKING = VARIABLES + "          DB_PASSWORD: Zq8vN3pLx7Rt2Wm9Kd4H\n";

    private HostileTemplates() {}

    /**
     * The function with {@code environment}: lines at eight spaces' indentation, each ending in a
     * line break.
     */
    static String function(String environment) {
        return ENVIRONMENT + environment;
    }
}
