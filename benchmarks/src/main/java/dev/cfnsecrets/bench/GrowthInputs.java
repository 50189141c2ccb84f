package dev.cfnsecrets.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Synthetic inputs that grow in one dimension at a time, for {@link GrowthRunner}: each dimension
 * makes an input of {@code n} units (variables, pieces, statements, files…) and keeps everything
 * else fixed, so that the scan's cost at 16 × the units against 1 × shows how the scanner grows in
 * that dimension alone. The shapes include every input issue #15 measured as growing faster than
 * linearly. Secrets are assembled at run time and never written to the repository.
 */
final class GrowthInputs {
    /** What a dimension writes: files by relative path, and the one of them to scan. */
    record Input(Map<String, String> files, String scanned) {
        static Input template(String text) {
            return new Input(Map.of("template.yaml", text), "template.yaml");
        }

        String scannedText() {
            return files.get(scanned);
        }
    }

    /**
     * One dimension: {@code base} units at 1 ×; {@code marker} occurs once per unit in the input
     * (plus a fixed number of times in its frame), which is how a test checks that it grows.
     */
    record Dimension(String name, int base, String marker, IntFunction<Input> input) {
        Input at(int factor) {
            return input.apply(base * factor);
        }
    }

    private static final String SAM_FUNCTION = "Type: AWS::Serverless::Function";
    private static final String FUNCTION = "Type: AWS::Lambda::Function";
    private static final String JSON_FUNCTION = "\"Type\":\"AWS::Lambda::Function\"";
    private static final String ROLE = "Type: AWS::IAM::Role";
    private static final String STACK = "Type: AWS::CloudFormation::Stack";

    /** Looks like a GitHub token to the credential patterns (the checksum is not real). */
    static final String TOKEN = "ghp_" + "Gr0wthT0k3nN0tR34lAbCdEfGhIjKlMnOp12";

    /** A random-looking 20-character password literal, distinct per {@code i}. */
    static String password(int i) {
        long x = 0x9E3779B97F4A7C15L * (i + 1);
        StringBuilder s = new StringBuilder("Zq8");
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        for (int c = 0; c < 17; c++) {
            x ^= x >>> 29;
            x *= 0xBF58476D1CE4E5B9L;
            s.append(alphabet.charAt((int) Long.remainderUnsigned(x, alphabet.length())));
        }
        return s.toString();
    }

    private GrowthInputs() {}

    /**
     * The digits of the largest count any dimension reaches at 16 × (24,000 {@code Fn::Sub}
     * variables).
     */
    private static final int ID_WIDTH = 5;

    /**
     * {@code i} zero-padded to a fixed width, for generated names ({@code p00042}): names as long
     * at 16 × as at 1 × make the input grow exactly with its units, where {@code p7999} against
     * {@code p9} made the characters grow faster than the dimension.
     */
    static String id(int i) {
        String digits = Integer.toString(i);
        return "0".repeat(ID_WIDTH - digits.length()) + digits;
    }

    /** Every dimension, in the order of the growth table. */
    static List<Dimension> all() {
        return Arrays.stream(GrowthInputs.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Grows.class))
                .sorted(Comparator.comparingInt(m -> m.getAnnotation(Grows.class).row()))
                .map(GrowthInputs::dimension)
                .toList();
    }

    /** Marks a shape of {@code n} units as a dimension of the growth table. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    private @interface Grows {
        /** The row of the table. */
        int row();

        /** The units at 1 ×. */
        int base();

        /** What occurs once per unit: {@link Dimension#marker()}. */
        String unit();

        String name();
    }

    private static Dimension dimension(Method shape) {
        Grows grows = shape.getAnnotation(Grows.class);
        return new Dimension(
                grows.name(),
                grows.base(),
                grows.unit(),
                n -> {
                    try {
                        return (Input) shape.invoke(null, n);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    @Grows(row = 1, base = 20, unit = SAM_FUNCTION, name = "resources")
    private static Input functionsWithRoles(int n) {
        return Input.template(SyntheticTemplate.sam(n));
    }

    // --- the shapes -----------------------------------------------------------------------------

    private static final String HEADER =
            """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              Stage:
                Type: String
                Default: prod
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            """;

    /** A Lambda function named {@code name} whose environment variables are {@code variables}. */
    private static String function(String name, String role, String variables) {
        return """
                  %s:
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      Role: %s
                      Code: {ZipFile: "def handler(e, c): pass"}
                      Environment:
                        Variables:
                %s"""
                .formatted(name, role, variables);
    }

    private static final String FIXED_ROLE = "arn:aws:iam::123456789012:role/app";

    /** One template: the header, then the resources. */
    private static Input resources(String resources) {
        return Input.template(HEADER + "Resources:\n" + resources);
    }

    /** One function with a password literal and then {@code variables} (YAML lines). */
    private static Input passwordAnd(String variables) {
        return resources(
                function(
                        "Fn",
                        FIXED_ROLE,
                        "          DB_PASSWORD: " + password(0) + "\n" + variables));
    }

    /** One function with {@code value} as its only variable besides a password literal. */
    private static Input oneVariable(String value) {
        return passwordAnd("          VALUE: " + value + "\n");
    }

    private static String repeat(int n, IntFunction<String> unit) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(unit.apply(i));
        }
        return s.toString();
    }

    @Grows(row = 2, base = 250, unit = "SETTING_", name = "variables per function")
    private static Input variables(int n) {
        return passwordAnd(
                repeat(n, i -> "          SETTING_%s: value-%s\n".formatted(id(i), id(i))));
    }

    @Grows(row = 3, base = 100, unit = "API_KEY_", name = "secret variables (CFS110 note)")
    private static Input secretVariables(int n) {
        return resources(
                function(
                        "Fn",
                        FIXED_ROLE,
                        repeat(n, i -> "          API_KEY_" + id(i) + ": " + password(i) + "\n")));
    }

    @Grows(row = 4, base = 1500, unit = "${", name = "Fn::Sub variables")
    private static Input subVariables(int n) {
        return oneVariable(
                "!Sub \""
                        + repeat(n, i -> i % 2 == 0 ? "/a" + id(i) + "${Stage}" : "-${AWS::Region}")
                        + "\"");
    }

    @Grows(row = 5, base = 1000, unit = "piece", name = "Fn::Join width")
    private static Input joinWidth(int n) {
        return oneVariable(
                "!Join [\"-\", ["
                        + repeat(
                                n, i -> (i % 2 == 0 ? "piece" + id(i) : "!Ref Stage, piece") + ", ")
                        + "end]]");
    }

    @Grows(row = 6, base = 3, unit = "Fn::Join", name = "Fn::Join nesting")
    private static Input joinNesting(int n) {
        return oneVariable(
                repeat(n, i -> "{\"Fn::Join\": [\"\", [\"a" + id(i) + "\", ")
                        + "end"
                        + "]]}".repeat(n));
    }

    @Grows(row = 7, base = 500, unit = "!If", name = "Fn::Join of Fn::If pieces")
    private static Input joinOfIfs(int n) {
        return oneVariable(
                "!Join [\"\", ["
                        + repeat(n, i -> "!If [IsProd, \"p" + id(i) + "\", \"d" + id(i) + "\"], ")
                        + "end]]");
    }

    @Grows(row = 8, base = 8, unit = "!If", name = "Fn::If nesting")
    private static Input ifNesting(int n) {
        return oneVariable(
                repeat(n, i -> "!If [IsProd, \"p" + id(i) + "\", ") + "end" + "]".repeat(n));
    }

    private static final String ENDPOINTS =
            """
            Mappings:
              M:
                K:
                  Url: https://api.example.com
                  Next: K
            """;

    @Grows(row = 9, base = 500, unit = "!FindInMap", name = "Fn::FindInMap width")
    private static Input findInMapWidth(int n) {
        String pieces = repeat(n, i -> "!FindInMap [M, K, Url], ");
        return oneVariableAfter(ENDPOINTS, "Resources:\n", "!Join [\"/\", [" + pieces + "end]]");
    }

    @Grows(row = 10, base = 8, unit = "!FindInMap", name = "Fn::FindInMap nesting")
    private static Input findInMapNesting(int n) {
        String lookup = "!FindInMap [M, ".repeat(n) + "K" + ", Next]".repeat(n);
        return oneVariableAfter(ENDPOINTS, "Resources:\n", lookup);
    }

    @Grows(row = 11, base = 1000, unit = "Url:", name = "Mapping size")
    private static Input mappingSize(int n) {
        String entry =
                "    key%s:\n      Url: https://api%s.example.com\n      Region: eu-west-1\n";
        String mapping = "Mappings:\n  M:\n" + repeat(n, i -> entry.formatted(id(i), id(i)));
        return oneVariableAfter(
                mapping, "Resources:\n", "!FindInMap [M, key" + id(n - 1) + ", Url]");
    }

    @Grows(row = 12, base = 500, unit = "!Equals", name = "Conditions")
    private static Input conditions(int n) {
        String condition = "  C%s: !And [!Equals [!Ref Stage, s%s], !Not [!Condition IsProd]]\n";
        // After IsProd, which they use, and before the Resources.
        return oneVariableAfter(
                repeat(n, i -> condition.formatted(id(i), id(i))),
                "Resources:\n",
                "!If [C" + id(n - 1) + ", on, off]");
    }

    /**
     * {@link #oneVariable} with {@code section} written into the frame just before {@code before}.
     */
    private static Input oneVariableAfter(String section, String before, String value) {
        return Input.template(
                oneVariable(value)
                        .scannedText()
                        .replaceFirst(Pattern.quote(before), section + before));
    }

    /** An IAM role that an account can assume, with {@code statements} in one inline policy. */
    private static String readerRole(String name, String statements) {
        return """
                  %s:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {AWS: arn:aws:iam::111122223333:root}, Action: sts:AssumeRole}]}
                      Policies:
                        - PolicyName: read
                          PolicyDocument:
                            Statement:
                %s"""
                .formatted(name, statements);
    }

    private static String readStatement(String resource) {
        return "              - Effect: Allow\n"
                + "                Action: lambda:GetFunctionConfiguration\n"
                + "                Resource: "
                + resource
                + "\n";
    }

    private static String secretFunction(int i) {
        return function("Fn" + id(i), FIXED_ROLE, "          GITHUB_TOKEN: " + TOKEN + "\n");
    }

    @Grows(
            row = 13,
            base = 100,
            unit = "lambda:GetFunctionConfiguration",
            name = "policy statements (CFS305)")
    private static Input statements(int n) {
        int functions = 8;
        return resources(
                repeat(functions, GrowthInputs::secretFunction)
                        + readerRole(
                                "Reader",
                                repeat(
                                        n,
                                        i ->
                                                readStatement(
                                                        "!GetAtt Fn"
                                                                + id(i % functions)
                                                                + ".Arn"))));
    }

    @Grows(row = 14, base = 20, unit = FUNCTION, name = "functions read by one policy (CFS305)")
    private static Input functionsReadByOnePolicy(int n) {
        return resources(
                repeat(n, GrowthInputs::secretFunction)
                        + readerRole("Reader", repeat(8, i -> readStatement("\"*\""))));
    }

    @Grows(
            row = 15,
            base = 20,
            unit = FUNCTION,
            name = "statements × functions, one statement each (CFS305)")
    private static Input statementPerFunction(int n) {
        return resources(
                repeat(n, GrowthInputs::secretFunction)
                        + readerRole(
                                "Reader",
                                repeat(n, i -> readStatement("!GetAtt Fn" + id(i) + ".Arn"))));
    }

    @Grows(row = 16, base = 500, unit = "- svc:Action", name = "actions per statement")
    private static Input actions(int n) {
        return resources(
                secretFunction(0)
                        + readerRole(
                                "Reader",
                                "              - Effect: Allow\n"
                                        + "                Resource: \"*\"\n"
                                        + "                Action:\n"
                                        + repeat(
                                                n,
                                                i ->
                                                        "                  - svc:Action"
                                                                + id(i)
                                                                + "\n")
                                        + "                  - lambda:GetFunctionConfiguration\n"));
    }

    @Grows(row = 17, base = 10, unit = ROLE, name = "roles × functions, 1:1 grants (CFS305)")
    private static Input rolesWithOwnFunction(int n) {
        return resources(
                repeat(
                        n,
                        i ->
                                secretFunction(i)
                                        + readerRole(
                                                "Reader" + id(i),
                                                readStatement("!GetAtt Fn" + id(i) + ".Arn"))));
    }

    @Grows(row = 18, base = 50, unit = "AWS::KMS::Key", name = "key policies")
    private static Input keyPolicies(int n) {
        return resources(
                repeat(
                        n,
                        i ->
                                """
                                  Key%s:
                                    Type: AWS::KMS::Key
                                    Properties:
                                      KeyPolicy:
                                        Statement:
                                          - Effect: Allow
                                            Principal: {AWS: arn:aws:iam::123456789012:root}
                                            Action: kms:*
                                            Resource: "*"
                                          - Effect: Allow
                                            Principal: "*"
                                            Action: kms:Decrypt
                                            Resource: "*"
                                """
                                        .formatted(id(i))));
    }

    @Grows(row = 19, base = 50, unit = SAM_FUNCTION, name = "Globals inherited by functions")
    private static Input globalsInherited(int n) {
        return Input.template(
                "Transform: AWS::Serverless-2016-10-31\n"
                        + HEADER
                        + "Globals:\n  Function:\n    Runtime: python3.12\n"
                        + "    Environment:\n      Variables:\n"
                        + "        DB_PASSWORD: "
                        + password(0)
                        + "\n"
                        + repeat(
                                9, i -> "        SETTING_" + i + ": !Sub \"v" + i + "-${Stage}\"\n")
                        + "Resources:\n"
                        + repeat(
                                n,
                                i ->
                                        "  Fn"
                                                + id(i)
                                                + ":\n    Type: AWS::Serverless::Function\n"
                                                + "    Properties:\n      Handler: app.handler\n"
                                                + "      CodeUri: src/\n"));
    }

    @Grows(row = 20, base = 2000, unit = "lorem ", name = "value length")
    private static Input valueLength(int n) {
        return oneVariable("\"" + "lorem ".repeat(n) + "\"");
    }

    @Grows(row = 21, base = 1000, unit = "echo line", name = "lines")
    private static Input lines(int n) {
        return oneVariable("|\n" + repeat(n, i -> "            echo line " + id(i) + "\n"));
    }

    @Grows(row = 22, base = 50, unit = "-----BEGIN", name = "PEM BEGIN without END")
    private static Input pemWithoutEnd(int n) {
        // n BEGIN lines, each with 20 groups of "QUJD" ("ABC" in base64) and a distinct line, and
        // no END line anywhere.
        return oneVariable(
                "\""
                        + repeat(
                                n,
                                i ->
                                        "-----BEGIN RSA PRIVATE KEY-----\\n"
                                                + "QUJD".repeat(20)
                                                + password(i)
                                                + "\\n")
                        + "\"");
    }

    @Grows(row = 23, base = 1000, unit = "k_", name = "Fn::Split pieces")
    private static Input split(int n) {
        return oneVariable(
                "!Join [\";\", !Split [\",\", \""
                        + String.join(
                                ",", repeat(n, i -> "k_" + id(i) + "=v" + id(i) + "\n").split("\n"))
                        + "\"]]");
    }

    @Grows(row = 24, base = 1000, unit = "item_", name = "CommaDelimitedList Default")
    private static Input commaList(int n) {
        String items = String.join(",", repeat(n, i -> "item_" + id(i) + "\n").split("\n"));
        String parameter =
                "  Items:\n    Type: CommaDelimitedList\n    Default: \"" + items + "\"\n";
        return oneVariableAfter(parameter, "Conditions:\n", "!Join [\";\", !Ref Items]");
    }

    @Grows(row = 25, base = 20, unit = JSON_FUNCTION, name = "minified JSON template")
    private static Input minifiedJson(int n) {
        StringBuilder json = new StringBuilder("{\"Resources\":{");
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("\"Fn")
                    .append(id(i))
                    .append("\":{\"Type\":\"AWS::Lambda::Function\",\"Properties\":")
                    .append("{\"Runtime\":\"python3.12\",\"Handler\":\"app.handler\",")
                    .append("\"Role\":\"")
                    .append(FIXED_ROLE)
                    .append("\",\"Code\":{\"ZipFile\":\"x\"},\"Environment\":{\"Variables\":{")
                    .append("\"DB_PASSWORD\":\"")
                    .append(password(i))
                    .append("\",\"TABLE\":{\"Fn::Sub\":\"orders-")
                    .append(id(i))
                    .append("-${AWS::Region}\"}}}}}");
        }
        json.append("}}");
        return new Input(Map.of("template.json", json.toString()), "template.json");
    }

    @Grows(row = 26, base = 20, unit = FUNCTION, name = "files in a directory")
    private static Input filesInDirectory(int n) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            files.put(
                    "t" + id(i) + ".yaml",
                    oneVariable("!Sub \"orders-" + id(i) + "-${Stage}\"").scannedText());
        }
        return new Input(files, ".");
    }

    /** A child template: its Parameter {@code In} goes into a function and into Output Out. */
    private static final String CHILD =
            """
            Parameters:
              In:
                Type: String
            Resources:
            """
                    + function("Fn", FIXED_ROLE, "          AUTH_TOKEN: !Ref In\n")
                    + """
                    Outputs:
                      Out:
                        Value: !Ref In
                    """;

    private static String stack(int i, String child, String in) {
        return """
                  Stack%s:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: %s
                      Parameters:
                        In: %s
                """
                .formatted(id(i), child, in);
    }

    @Grows(row = 27, base = 10, unit = STACK, name = "nested stacks")
    private static Input nestedStacks(int n) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "parent.yaml",
                "Resources:\n" + repeat(n, i -> stack(i, "child" + id(i) + ".yaml", password(i))));
        for (int i = 0; i < n; i++) {
            files.put("child" + id(i) + ".yaml", CHILD);
        }
        return new Input(files, "parent.yaml");
    }

    @Grows(row = 28, base = 50, unit = "Outputs.Out", name = "nested-stack cross references")
    private static Input nestedCrossReferences(int n) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "parent.yaml",
                "Resources:\n"
                        + repeat(
                                n,
                                i ->
                                        stack(
                                                i,
                                                "child.yaml",
                                                i == 0
                                                        ? password(0)
                                                        : "!GetAtt Stack"
                                                                + id(i - 1)
                                                                + ".Outputs.Out")));
        files.put("child.yaml", CHILD);
        return new Input(files, "parent.yaml");
    }

    @Grows(row = 29, base = 1000, unit = "Setting_", name = "properties of one resource")
    private static Input properties(int n) {
        return resources(
                """
                  Settings:
                    Type: AWS::CloudFormation::CustomResource
                    Properties:
                      ServiceToken: arn:aws:lambda:eu-west-1:123456789012:function:settings
                      DbPassword: %s
                """
                                .formatted(password(0))
                        + repeat(n, i -> "      Setting_%s: value-%s\n".formatted(id(i), id(i))));
    }
}
