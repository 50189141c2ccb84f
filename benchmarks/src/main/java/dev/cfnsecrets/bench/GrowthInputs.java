package dev.cfnsecrets.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

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

    static List<Dimension> all() {
        return List.of(
                new Dimension(
                        "resources",
                        20,
                        "Type: AWS::Serverless::Function",
                        n -> Input.template(SyntheticTemplate.sam(n))),
                new Dimension("variables per function", 250, "SETTING_", GrowthInputs::variables),
                new Dimension(
                        "secret variables on one function (CFS110 note)",
                        100,
                        "API_KEY_",
                        GrowthInputs::secretVariables),
                new Dimension("Fn::Sub variables", 1500, "${", GrowthInputs::subVariables),
                new Dimension("Fn::Join width", 1000, "piece", GrowthInputs::joinWidth),
                new Dimension("Fn::Join nesting", 3, "Fn::Join", GrowthInputs::joinNesting),
                new Dimension("Fn::Join of Fn::If pieces", 500, "!If", GrowthInputs::joinOfIfs),
                new Dimension("Fn::If nesting", 8, "!If", GrowthInputs::ifNesting),
                new Dimension(
                        "Fn::FindInMap width", 500, "!FindInMap", GrowthInputs::findInMapWidth),
                new Dimension(
                        "Fn::FindInMap nesting", 8, "!FindInMap", GrowthInputs::findInMapNesting),
                new Dimension("Mapping size", 1000, "Url:", GrowthInputs::mappingSize),
                new Dimension("Conditions", 500, "!Equals", GrowthInputs::conditions),
                new Dimension(
                        "policy statements (CFS305)",
                        100,
                        "lambda:GetFunctionConfiguration",
                        GrowthInputs::statements),
                new Dimension(
                        "functions read by one policy (CFS305)",
                        20,
                        "Type: AWS::Lambda::Function",
                        GrowthInputs::functionsReadByOnePolicy),
                new Dimension("actions per statement", 500, "- svc:Action", GrowthInputs::actions),
                new Dimension(
                        "roles × functions, 1:1 grants (CFS305)",
                        10,
                        "Type: AWS::IAM::Role",
                        GrowthInputs::rolesWithOwnFunction),
                new Dimension("key policies", 50, "AWS::KMS::Key", GrowthInputs::keyPolicies),
                new Dimension(
                        "Globals inherited by functions",
                        50,
                        "Type: AWS::Serverless::Function",
                        GrowthInputs::globalsInherited),
                new Dimension("value length", 2000, "lorem ", GrowthInputs::valueLength),
                new Dimension("lines", 1000, "echo line", GrowthInputs::lines),
                new Dimension(
                        "PEM BEGIN without END", 50, "-----BEGIN", GrowthInputs::pemWithoutEnd),
                new Dimension("Fn::Split pieces", 1000, "k_", GrowthInputs::split),
                new Dimension("CommaDelimitedList Default", 1000, "item_", GrowthInputs::commaList),
                new Dimension(
                        "minified JSON template",
                        20,
                        "\"Type\":\"AWS::Lambda::Function\"",
                        GrowthInputs::minifiedJson),
                new Dimension(
                        "files in a directory",
                        20,
                        "Type: AWS::Lambda::Function",
                        GrowthInputs::filesInDirectory),
                new Dimension(
                        "nested stacks",
                        10,
                        "Type: AWS::CloudFormation::Stack",
                        GrowthInputs::nestedStacks),
                new Dimension(
                        "nested-stack cross references",
                        50,
                        "Outputs.Out",
                        GrowthInputs::nestedCrossReferences));
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

    /** One function with {@code value} as its only variable besides a password literal. */
    private static Input oneVariable(String value) {
        return resources(
                function(
                        "Fn",
                        FIXED_ROLE,
                        "          DB_PASSWORD: "
                                + password(0)
                                + "\n          VALUE: "
                                + value
                                + "\n"));
    }

    private static String repeat(int n, IntFunction<String> unit) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(unit.apply(i));
        }
        return s.toString();
    }

    private static Input variables(int n) {
        return resources(
                function(
                        "Fn",
                        FIXED_ROLE,
                        "          DB_PASSWORD: "
                                + password(0)
                                + "\n"
                                + repeat(
                                        n, i -> "          SETTING_" + i + ": value-" + i + "\n")));
    }

    private static Input secretVariables(int n) {
        return resources(
                function(
                        "Fn",
                        FIXED_ROLE,
                        repeat(n, i -> "          API_KEY_" + i + ": " + password(i) + "\n")));
    }

    private static Input subVariables(int n) {
        return oneVariable(
                "!Sub \""
                        + repeat(n, i -> i % 2 == 0 ? "/a" + i + "${Stage}" : "-${AWS::Region}")
                        + "\"");
    }

    private static Input joinWidth(int n) {
        return oneVariable(
                "!Join [\"-\", ["
                        + repeat(n, i -> (i % 2 == 0 ? "piece" + i : "!Ref Stage, piece") + ", ")
                        + "end]]");
    }

    private static Input joinNesting(int n) {
        return oneVariable(
                repeat(n, i -> "{\"Fn::Join\": [\"\", [\"a" + i + "\", ")
                        + "end"
                        + "]]}".repeat(n));
    }

    private static Input joinOfIfs(int n) {
        return oneVariable(
                "!Join [\"\", ["
                        + repeat(n, i -> "!If [IsProd, \"p" + i + "\", \"d" + i + "\"], ")
                        + "end]]");
    }

    private static Input ifNesting(int n) {
        return oneVariable(repeat(n, i -> "!If [IsProd, \"p" + i + "\", ") + "end" + "]".repeat(n));
    }

    private static final String ENDPOINTS =
            """
            Mappings:
              M:
                K:
                  Url: https://api.example.com
                  Next: K
            """;

    private static Input findInMapWidth(int n) {
        return Input.template(
                oneVariable(
                                "!Join [\"/\", ["
                                        + repeat(n, i -> "!FindInMap [M, K, Url], ")
                                        + "end]]")
                        .scannedText()
                        .replace("Resources:\n", ENDPOINTS + "Resources:\n"));
    }

    private static Input findInMapNesting(int n) {
        return Input.template(
                oneVariable(repeat(n, i -> "!FindInMap [M, ") + "K" + ", Next]".repeat(n))
                        .scannedText()
                        .replace("Resources:\n", ENDPOINTS + "Resources:\n"));
    }

    private static Input mappingSize(int n) {
        String mapping =
                "Mappings:\n  M:\n"
                        + repeat(
                                n,
                                i ->
                                        "    key"
                                                + i
                                                + ":\n      Url: https://api"
                                                + i
                                                + ".example.com\n      Region: eu-west-1\n");
        return Input.template(
                oneVariable("!FindInMap [M, key" + (n - 1) + ", Url]")
                        .scannedText()
                        .replace("Resources:\n", mapping + "Resources:\n"));
    }

    private static Input conditions(int n) {
        String conditions =
                repeat(
                        n,
                        i ->
                                "  C"
                                        + i
                                        + ": !And [!Equals [!Ref Stage, s"
                                        + i
                                        + "], !Not [!Condition IsProd]]\n");
        return Input.template(
                oneVariable("!If [C" + (n - 1) + ", on, off]")
                        .scannedText()
                        .replace(
                                "  IsProd: !Equals [!Ref Stage, prod]\n",
                                "  IsProd: !Equals [!Ref Stage, prod]\n" + conditions));
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
        return function("Fn" + i, FIXED_ROLE, "          GITHUB_TOKEN: " + TOKEN + "\n");
    }

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
                                                        "!GetAtt Fn" + (i % functions) + ".Arn"))));
    }

    private static Input functionsReadByOnePolicy(int n) {
        return resources(
                repeat(n, GrowthInputs::secretFunction)
                        + readerRole("Reader", repeat(8, i -> readStatement("\"*\""))));
    }

    private static Input actions(int n) {
        return resources(
                secretFunction(0)
                        + readerRole(
                                "Reader",
                                "              - Effect: Allow\n"
                                        + "                Resource: \"*\"\n"
                                        + "                Action:\n"
                                        + repeat(
                                                n, i -> "                  - svc:Action" + i + "\n")
                                        + "                  - lambda:GetFunctionConfiguration\n"));
    }

    private static Input rolesWithOwnFunction(int n) {
        return resources(
                repeat(
                        n,
                        i ->
                                secretFunction(i)
                                        + readerRole(
                                                "Reader" + i,
                                                readStatement("!GetAtt Fn" + i + ".Arn"))));
    }

    private static Input keyPolicies(int n) {
        return resources(
                repeat(
                        n,
                        i ->
                                """
                                  Key%d:
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
                                        .formatted(i)));
    }

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
                                                + i
                                                + ":\n    Type: AWS::Serverless::Function\n"
                                                + "    Properties:\n      Handler: app.handler\n"
                                                + "      CodeUri: src/\n"));
    }

    private static Input valueLength(int n) {
        return oneVariable("\"" + "lorem ".repeat(n) + "\"");
    }

    private static Input lines(int n) {
        return oneVariable("|\n" + repeat(n, i -> "            echo line " + i + "\n"));
    }

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

    private static Input split(int n) {
        return oneVariable(
                "!Join [\";\", !Split [\",\", \""
                        + String.join(",", repeat(n, i -> "k_" + i + "=v" + i + "\n").split("\n"))
                        + "\"]]");
    }

    private static Input commaList(int n) {
        return Input.template(
                oneVariable("!Join [\";\", !Ref Items]")
                        .scannedText()
                        .replace(
                                "Conditions:\n",
                                "  Items:\n    Type: CommaDelimitedList\n    Default: \""
                                        + String.join(
                                                ",", repeat(n, i -> "item_" + i + "\n").split("\n"))
                                        + "\"\nConditions:\n"));
    }

    private static Input minifiedJson(int n) {
        StringBuilder json = new StringBuilder("{\"Resources\":{");
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("\"Fn")
                    .append(i)
                    .append("\":{\"Type\":\"AWS::Lambda::Function\",\"Properties\":")
                    .append("{\"Runtime\":\"python3.12\",\"Handler\":\"app.handler\",")
                    .append("\"Role\":\"")
                    .append(FIXED_ROLE)
                    .append("\",\"Code\":{\"ZipFile\":\"x\"},\"Environment\":{\"Variables\":{")
                    .append("\"DB_PASSWORD\":\"")
                    .append(password(i))
                    .append("\",\"TABLE\":{\"Fn::Sub\":\"orders-")
                    .append(i)
                    .append("-${AWS::Region}\"}}}}}");
        }
        json.append("}}");
        return new Input(Map.of("template.json", json.toString()), "template.json");
    }

    private static Input filesInDirectory(int n) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            files.put(
                    "t" + i + ".yaml",
                    oneVariable("!Sub \"orders-" + i + "-${Stage}\"").scannedText());
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
                  Stack%d:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: %s
                      Parameters:
                        In: %s
                """
                .formatted(i, child, in);
    }

    private static Input nestedStacks(int n) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "parent.yaml",
                "Resources:\n" + repeat(n, i -> stack(i, "child" + i + ".yaml", password(i))));
        for (int i = 0; i < n; i++) {
            files.put("child" + i + ".yaml", CHILD);
        }
        return new Input(files, "parent.yaml");
    }

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
                                                                + (i - 1)
                                                                + ".Outputs.Out")));
        files.put("child.yaml", CHILD);
        return new Input(files, "parent.yaml");
    }
}
