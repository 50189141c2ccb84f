package dev.cfnsecrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Breaks templates in the ways real ones break and the ways an attacker would: cut files, flipped
 * bytes, lost or doubled lines, shifted indentation, intrinsics with the wrong argument shapes,
 * huge values, self-referencing intrinsics and odd shapes where the rules expect maps or strings.
 * Every mutant may carry planted secrets that no report may print.
 */
final class Mutator {
    /** What the scanner gets and what it must never print. */
    record Mutant(String operator, byte[] bytes, List<String> planted) {}

    private static final String[] TAGS = {
        "!Ref",
        "!Sub",
        "!GetAtt",
        "!If",
        "!FindInMap",
        "!Join",
        "!Select",
        "!Split",
        "!ImportValue",
        "!Base64",
        "!GetAZs",
        "!Equals",
        "!Not",
        "!And",
        "!Or",
        "!Condition",
        "!Cidr",
        "!Transform",
        "!ToJsonString",
        "!Length",
        "!Unknown"
    };
    private static final String[] LONG_FORMS = {
        "Ref",
        "Fn::Sub",
        "Fn::GetAtt",
        "Fn::If",
        "Fn::FindInMap",
        "Fn::Join",
        "Fn::Select",
        "Fn::Split",
        "Fn::ImportValue",
        "Fn::Base64",
        "Fn::ToJsonString",
        "Condition"
    };

    /** Keys whose values the rules read with expectations about their shape. */
    private static final String[] SHAPED_KEYS = {
        "Variables",
        "Environment",
        "Globals",
        "Function",
        "Policies",
        "PolicyDocument",
        "Statement",
        "Action",
        "NotAction",
        "Principal",
        "NotPrincipal",
        "Condition",
        "Resource",
        "Effect",
        "KeyPolicy",
        "Parameters",
        "Default",
        "NoEcho",
        "Outputs",
        "Value",
        "Metadata",
        "Mappings",
        "Conditions",
        "Type",
        "Properties",
        "ManagedPolicyArns",
        "Roles",
        "Users",
        "Groups",
        "SecretString",
        "ContainerDefinitions",
        "Secrets",
        "Layers",
        "Runtime",
        "IgnoreGlobals",
        "Transform",
        "Resources"
    };

    /** Keys whose values may hold a credential (never a resource Type). */
    private static final String[] VALUE_KEYS = {
        "Value",
        "Default",
        "SecretString",
        "Password",
        "API_KEY",
        "TOKEN",
        "DB_PASSWORD",
        "GITHUB_TOKEN",
        "Description",
        "ZipFile",
        "Name",
        "Handler",
        "KeyPolicy",
        "Resource"
    };

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String ALNUM =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static final int HUGE = 8;
    private static final int SECRETS = 13;

    private final Random random;

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    Mutant mutate(byte[] original) {
        List<String> planted = new ArrayList<>();
        int op = random.nextInt(14);
        if (op == HUGE && random.nextInt(10) != 0) {
            // A 1 MB value takes a second to scan: a few hundred of them would be most of the test.
            op = SECRETS;
        }
        switch (op) {
            case 0:
                return new Mutant("truncate", truncate(original), planted);
            case 1:
                return new Mutant("flip-bytes", flip(original), planted);
            default:
                break;
        }
        List<String> lines = new ArrayList<>(List.of(text(original).split("\n", -1)));
        String name;
        switch (op) {
            case 2:
                name = "delete-lines";
                for (int n = 1 + random.nextInt(3); n > 0 && lines.size() > 1; n--) {
                    lines.remove(random.nextInt(lines.size()));
                }
                break;
            case 3:
                name = "duplicate-lines";
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    int i = random.nextInt(lines.size());
                    lines.add(i, lines.get(i));
                }
                break;
            case 4:
                name = "swap-indentation";
                swapIndentation(lines);
                break;
            case 5:
            case 6:
                name = "tagged-value";
                replaceValue(lines, random.nextBoolean() ? null : pick(SHAPED_KEYS), planted);
                break;
            case 7:
                name = "shaped-key";
                replaceValue(lines, pick(SHAPED_KEYS), planted);
                break;
            case HUGE:
                name = "huge-value";
                replaceValueWith(
                        lines,
                        null,
                        random.nextBoolean()
                                ? "x".repeat(1 << 20)
                                : "\"" + secretLike(planted) + " " + "x".repeat(1 << 20) + "\"");
                break;
            case 9:
                name = "cyclic-references";
                insertResources(lines, cyclic(planted));
                break;
            case 10:
                name = "odd-globals";
                insertTopLevel(lines, "Globals:" + oddGlobals(planted));
                break;
            case 11:
                name = "odd-policies";
                insertResources(lines, oddPolicies(planted));
                break;
            case 12:
                name = "odd-environment";
                insertResources(lines, oddEnvironment(planted));
                break;
            default:
                name = "secret-everywhere";
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    replaceValueWith(lines, pick(VALUE_KEYS), quoted(secretLike(planted)));
                }
                break;
        }
        return new Mutant(name, String.join("\n", lines).getBytes(StandardCharsets.UTF_8), planted);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private byte[] truncate(byte[] b) {
        byte[] out = new byte[b.length == 0 ? 0 : random.nextInt(b.length)];
        System.arraycopy(b, 0, out, 0, out.length);
        return out;
    }

    private byte[] flip(byte[] b) {
        byte[] out = b.clone();
        for (int n = 1 + random.nextInt(6); n > 0 && out.length > 0; n--) {
            out[random.nextInt(out.length)] ^= (byte) (1 + random.nextInt(255));
        }
        return out;
    }

    private void swapIndentation(List<String> lines) {
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int a = random.nextInt(lines.size());
            int b = random.nextInt(lines.size());
            String indentB = indent(lines.get(b));
            String line = lines.get(a);
            String shifted =
                    switch (random.nextInt(3)) {
                        case 0 -> indentB + line.stripLeading();
                        case 1 -> "  " + line;
                        default ->
                                line.length() > 1 && line.charAt(0) == ' '
                                        ? line.substring(1)
                                        : "\t" + line;
                    };
            lines.set(a, shifted);
        }
    }

    private static String indent(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }

    /**
     * Lines of the form {@code key:} or {@code key: value}: those of one key, or of any key but
     * {@code Type}.
     */
    private List<Integer> keyLines(List<String> lines, String key) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).stripLeading();
            if (s.startsWith("- ")) {
                s = s.substring(2);
            }
            int colon = s.indexOf(": ");
            if (colon < 0 && s.endsWith(":")) {
                colon = s.length() - 1;
            }
            String name = colon > 0 ? s.substring(0, colon).replace("\"", "") : "";
            if (colon > 0
                    && !s.startsWith("#")
                    && (key == null ? !name.equals("Type") : name.equals(key))) {
                found.add(i);
            }
        }
        return found;
    }

    /**
     * A resource {@code Type} is an identifier that messages quote, not a value the scanner looks
     * for secrets in: a credential written there is nothing the reports can know to hide.
     */
    private void replaceValue(List<String> lines, String key, List<String> planted) {
        replaceValueWith(lines, key, shape(0, "Type".equals(key) ? new ArrayList<>() : planted));
    }

    /** Replaces the value of a key, the block under it included, by a flow-style value. */
    private void replaceValueWith(List<String> lines, String key, String value) {
        List<Integer> candidates = keyLines(lines, key);
        if (candidates.isEmpty()) {
            candidates = keyLines(lines, null);
        }
        if (candidates.isEmpty()) {
            lines.add(0, "Key: " + value);
            return;
        }
        int at = candidates.get(random.nextInt(candidates.size()));
        String line = lines.get(at);
        int keyStart = indent(line).length() + (line.stripLeading().startsWith("- ") ? 2 : 0);
        int colon =
                line.indexOf(
                        ':',
                        line.charAt(keyStart) == '"' ? line.indexOf('"', keyStart + 1) : keyStart);
        int ownIndent = indent(line).length();
        int end = at + 1;
        while (end < lines.size()
                && (lines.get(end).isBlank() || indent(lines.get(end)).length() > ownIndent)) {
            end++;
        }
        lines.subList(at + 1, end).clear();
        lines.set(at, line.substring(0, colon + 1) + " " + value);
    }

    /**
     * A random value in flow style: scalars, lists, maps and intrinsics with any argument shape.
     */
    private String shape(int depth, List<String> planted) {
        int kind = depth > 4 ? random.nextInt(5) : random.nextInt(13);
        switch (kind) {
            case 0:
                return String.valueOf(random.nextInt(2000) - 1000);
            case 1:
                return pick(
                        new String[] {
                            "null",
                            "~",
                            "true",
                            "false",
                            "''",
                            "\"\"",
                            "1.5e300",
                            "-.inf",
                            ".nan",
                            "0x1F",
                            "2026-11-29"
                        });
            case 2:
                return quoted(secretLike(planted));
            case 3:
                return quoted(
                        pick(
                                new String[] {
                                    "${AWS::Region}",
                                    "${Fn}",
                                    "${Fn.Arn}",
                                    "${!Literal}",
                                    "${",
                                    "{{resolve:ssm-secure:/p}}",
                                    "{{resolve:secretsmanager:s:SecretString:k}}",
                                    "arn:aws:*",
                                    "*",
                                    "kms:*",
                                    "lambda:Get*",
                                    "AWS::NoValue",
                                    "Fn.Arn"
                                }));
            case 4:
                return "[]";
            case 5:
                return "{}";
            case 6:
                return "[" + shape(depth + 1, planted) + ", " + shape(depth + 1, planted) + "]";
            case 7:
                return "{"
                        + pick(SHAPED_KEYS)
                        + ": "
                        + shape(depth + 1, planted)
                        + ", "
                        + pick(new String[] {"Fn", "Arn", "A", "Statement", "Action"})
                        + ": "
                        + shape(depth + 1, planted)
                        + "}";
            case 8:
            case 9:
                return pick(TAGS) + " " + tagArgument(depth, planted);
            case 10:
                return "{\"" + pick(LONG_FORMS) + "\": " + shape(depth + 1, planted) + "}";
            case 11:
                return nested(50, planted);
            default:
                return pick(TAGS)
                        + " "
                        + quoted(
                                pick(
                                        new String[] {
                                            "Fn",
                                            "Fn.Arn",
                                            "AWS::Region",
                                            "Missing",
                                            "${Fn.Arn}-${AWS::AccountId}",
                                            "A.B.C",
                                            "",
                                            "."
                                        }));
        }
    }

    private String tagArgument(int depth, List<String> planted) {
        switch (random.nextInt(4)) {
            case 0:
                return "[" + shape(depth + 1, planted) + "]";
            case 1:
                return "["
                        + shape(depth + 1, planted)
                        + ", "
                        + shape(depth + 1, planted)
                        + ", "
                        + shape(depth + 1, planted)
                        + "]";
            case 2:
                return "{k: " + shape(depth + 1, planted) + "}";
            default:
                return "[]";
        }
    }

    /** Intrinsics nested {@code levels} deep, tags and long forms mixed. */
    private String nested(int levels, List<String> planted) {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        String[][] forms = {
            {"!Sub [", "]"},
            {"!Join ['', [", "]]"},
            {"!If [C, ", "]"},
            {"!Select [0, ", "]"},
            {"!Base64 [", "]"},
            {"{\"Fn::Sub\": ", "}"},
            {"{\"Fn::Base64\": ", "}"},
            {"{\"Fn::ToJsonString\": ", "}"}
        };
        for (int i = 0; i < levels; i++) {
            String[] form = forms[random.nextInt(forms.length)];
            open.append(form[0]);
            close.insert(0, form[1]);
        }
        return open + quoted(secretLike(planted)) + close;
    }

    private String secretLike(List<String> planted) {
        String secret =
                switch (random.nextInt(4)) {
                    case 0 -> "AKIA" + randomOf(BASE32, 16);
                    case 1 -> "ghp_" + randomOf(ALNUM, 36);
                    case 2 -> "sk_live_" + randomOf(ALNUM, 24);
                    default ->
                            "xoxb-"
                                    + randomOf("0123456789", 10 + random.nextInt(3))
                                    + "-"
                                    + randomOf(ALNUM, 24);
                };
        planted.add(secret);
        return secret;
    }

    private String randomOf(String alphabet, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    /**
     * Adds resources right under {@code Resources:}, or a new Resources section when there is none.
     */
    private void insertResources(List<String> lines, String resources) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Resources:")
                    && lines.get(i).stripTrailing().equals("Resources:")) {
                lines.add(i + 1, resources);
                return;
            }
        }
        insertTopLevel(lines, "Resources:\n" + resources);
    }

    /** Replaces a top-level section of the same name, or adds it. */
    private void insertTopLevel(List<String> lines, String section) {
        String key = section.substring(0, section.indexOf(':') + 1);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(key)) {
                int end = i + 1;
                while (end < lines.size()
                        && (lines.get(end).isBlank()
                                || lines.get(end).startsWith(" ")
                                || lines.get(end).startsWith("#"))) {
                    end++;
                }
                lines.subList(i, end).clear();
                lines.add(i, section);
                return;
            }
        }
        lines.add(section);
    }

    private String cyclic(List<String> planted) {
        String secret = secretLike(planted);
        return switch (random.nextInt(4)) {
            case 0 ->
                    "  CycA:\n    Type: AWS::Lambda::Function\n    Properties:\n"
                            + "      Environment: {Variables: {API_KEY: !Sub \"${CycB.Arn}"
                            + secret
                            + "\", B: !GetAtt CycB.Arn}}\n"
                            + "  CycB:\n    Type: AWS::Lambda::Function\n    Properties:\n"
                            + "      Environment: {Variables: {TOKEN: !Sub \"${CycA.Arn}\", A: !Ref CycA}}\n";
            case 1 ->
                    "  CycFn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
                            + "      Environment:\n        Variables:\n"
                            + "          SECRET: !FindInMap [!FindInMap [M, !Ref AWS::Region, !Ref CycFn], !Sub \"${CycFn}\", "
                            + "!FindInMap [M, M, M]]\n"
                            + "          PASSWORD: !Sub [\"${X}\", {X: !Sub [\"${Y}\", {Y: !Sub [\"${X}\", {X: \""
                            + secret
                            + "\"}]}]}]\n";
            case 2 ->
                    "  CycParamFn:\n    Type: AWS::Lambda::Function\n    Condition: CycCond\n    Properties:\n"
                            + "      Environment: {Variables: {API_TOKEN: !If [CycCond, !Ref CycParamFn, \""
                            + secret
                            + "\"],"
                            + " SELF: !Sub \"${CycParamFn}${CycParamFn.Arn}${AWS::StackName}\"}}\n"
                            + "      Role: !GetAtt [CycParamFn, Arn]\n";
            default ->
                    "  CycOut:\n    Type: AWS::SSM::Parameter\n    Properties:\n"
                            + "      Value: !GetAtt CycOut.Value\n      Name: !Sub \"${CycOut}-"
                            + secret
                            + "\"\n"
                            + "  CycFn2:\n    Type: AWS::Lambda::Function\n    Properties:\n"
                            + "      Environment: {Variables: {DB_PASSWORD: !GetAtt CycOut.Value, K: !Ref CycOut}}\n";
        };
    }

    private String oddGlobals(List<String> planted) {
        return switch (random.nextInt(8)) {
            case 0 -> " [1, 2, {Function: {}}]";
            case 1 -> " !Ref Globals";
            case 2 -> " {Function: [Runtime, python3.12]}";
            case 3 ->
                    " {Function: {Environment: !If [C, {Variables: {API_KEY: \""
                            + secretLike(planted)
                            + "\"}}, []]}}";
            case 4 ->
                    " {Function: {Environment: {Variables: [API_KEY, \""
                            + secretLike(planted)
                            + "\"]}}}";
            case 5 -> " {Function: {Environment: {Variables: 42}}}";
            case 6 -> " {Function: {Environment: [{Variables: {A: b}}], Policies: 7}, Api: !Sub x}";
            default -> " {Function: " + shape(0, planted) + "}";
        };
    }

    private String oddPolicies(List<String> planted) {
        String statement =
                switch (random.nextInt(10)) {
                    case 0 -> "{Effect: Allow, Action: {lambda: GetFunction}, Resource: \"*\"}";
                    case 1 ->
                            "{Effect: Allow, Action: \"kms:Decrypt\", Principal: 42, Resource: \"*\"}";
                    case 2 ->
                            "{Effect: Allow, Action: \"*\", Resource: \"*\", Condition: [StringEquals, {a: b}]}";
                    case 3 -> "{Effect: [Allow], Action: [[lambda:*]], Resource: {Ref: Fn}}";
                    case 4 ->
                            "{Effect: !If [C, Allow, Deny], Action: !Split [\",\", \"kms:Decrypt,lambda:*\"], Resource: !Ref AWS::NoValue}";
                    case 5 ->
                            "{Effect: Allow, NotAction: 3, NotResource: [], Principal: {AWS: [1, {x: y}]}}";
                    case 6 ->
                            "{Effect: Allow, Action: lambda:GetFunctionConfiguration, Resource: !GetAtt [OddFn, Arn],"
                                    + " Condition: {StringLike: 5, Bool: [x]}}";
                    case 7 ->
                            "{Effect: Allow, Action: !Ref AWS::NoValue, Principal: \"*\", Resource: "
                                    + shape(0, planted)
                                    + "}";
                    case 8 -> shape(0, planted);
                    default ->
                            "{Effect: Allow, Action: "
                                    + shape(0, planted)
                                    + ", Principal: "
                                    + shape(0, planted)
                                    + ", Condition: "
                                    + shape(0, planted)
                                    + "}";
                };
        String statements = random.nextInt(4) == 0 ? statement : "[" + statement + "]";
        String document =
                random.nextInt(5) == 0
                        ? shape(0, planted)
                        : "{Version: '2012-10-17', Statement: " + statements + "}";
        return switch (random.nextInt(5)) {
            case 0 ->
                    "  OddRole:\n    Type: AWS::IAM::Role\n    Properties:\n"
                            + "      AssumeRolePolicyDocument: "
                            + document
                            + "\n"
                            + "      Policies: [{PolicyName: p, PolicyDocument: "
                            + document
                            + "}]\n"
                            + "      ManagedPolicyArns: "
                            + shape(0, planted)
                            + "\n";
            case 1 ->
                    "  OddFn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
                            + "      Environment: {Variables: {API_KEY: \""
                            + secretLike(planted)
                            + "\"}}\n"
                            + "      Policies: "
                            + pick(
                                    new String[] {
                                        document,
                                        "[" + document + "]",
                                        "AWSLambdaBasicExecutionRole",
                                        "[{SSMParameterReadPolicy: " + shape(0, planted) + "}]",
                                        "[{KMSDecryptPolicy: []}]",
                                        "[7, [], {}]",
                                        "!Ref P"
                                    })
                            + "\n";
            case 2 ->
                    "  OddKey:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy: "
                            + document
                            + "\n"
                            + "  OddFn:\n    Type: AWS::Lambda::Function\n    Properties:\n      KmsKeyArn: "
                            + pick(new String[] {"!GetAtt OddKey.Arn", "!Ref OddKey", "[1]", "{}"})
                            + "\n"
                            + "      Environment: {Variables: {TOKEN: \""
                            + secretLike(planted)
                            + "\"}}\n";
            case 3 ->
                    "  OddPolicy:\n    Type: "
                            + pick(
                                    new String[] {
                                        "AWS::IAM::Policy",
                                        "AWS::IAM::ManagedPolicy",
                                        "AWS::IAM::User",
                                        "AWS::IAM::Group"
                                    })
                            + "\n    Properties:\n      PolicyDocument: "
                            + document
                            + "\n      Roles: "
                            + shape(0, planted)
                            + "\n      Users: "
                            + shape(0, planted)
                            + "\n";
            default ->
                    "  OddPerm:\n    Type: AWS::Lambda::Permission\n    Properties:\n      Principal: "
                            + shape(0, planted)
                            + "\n      FunctionName: "
                            + shape(0, planted)
                            + "\n      Action: "
                            + shape(0, planted)
                            + "\n";
        };
    }

    private String oddEnvironment(List<String> planted) {
        String variables =
                switch (random.nextInt(8)) {
                    case 0 -> "[API_KEY, \"" + secretLike(planted) + "\"]";
                    case 1 ->
                            "!If [C, {TOKEN: \"" + secretLike(planted) + "\"}, !Ref AWS::NoValue]";
                    case 2 -> "12345";
                    case 3 -> "!Ref Vars";
                    case 4 ->
                            "{API_KEY: [\""
                                    + secretLike(planted)
                                    + "\"], 5: x, ? [a] : b, \"\": \"\", null: ~}";
                    case 5 ->
                            "{PASSWORD: {Fn::Sub: [\"${A}\", [A, \""
                                    + secretLike(planted)
                                    + "\"]]}}";
                    case 6 ->
                            "{AWS_REGION: !GetAtt [], _HANDLER: !Sub [], SECRET: !Join [\",\", "
                                    + shape(0, planted)
                                    + "]}";
                    default -> shape(0, planted);
                };
        String environment =
                random.nextInt(6) == 0 ? shape(0, planted) : "{Variables: " + variables + "}";
        return "  OddEnvFn:\n    Type: "
                + pick(
                        new String[] {
                            "AWS::Lambda::Function",
                            "AWS::Serverless::Function",
                            "AWS::ECS::TaskDefinition"
                        })
                + "\n    Properties:\n      Environment: "
                + environment
                + "\n"
                + "      ContainerDefinitions: [{Environment: "
                + pick(new String[] {variables, "[{Name: 1, Value: []}]", "{}"})
                + ", Secrets: "
                + shape(0, planted)
                + "}]\n";
    }
}
