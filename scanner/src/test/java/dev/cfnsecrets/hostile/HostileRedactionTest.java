package dev.cfnsecrets.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.report.Format;
import dev.cfnsecrets.report.ReportFixtures;
import dev.cfnsecrets.report.Reporters;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Templates from strangers must not get their secrets printed by the report that warns about them:
 * every value on a shown line that a rule would call a secret is masked, in every format.
 */
class HostileRedactionTest {
    /** Clearly fake passwords: secret-named and random enough for the rules to flag them. */
    private static final String PASSWORD_A = "Zq8vW3xTr9LmK2pQ";

    private static final String PASSWORD_B = "Hy7nB4cVd6FgJ1sX";
    private static final String PASSWORD_C = "Pk5tR8wEm2QzN9aL";

    /** A fake Stripe live key (a known format: only {@code sk_live_} may be shown). */
    private static final String STRIPE_KEY = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc";

    private static ScanResult scan(String path, String text) {
        return BuiltInRules.scanner(ScanOptions.DEFAULT).scanTexts(Map.of(path, text), List.of());
    }

    private static String renderAll(ScanResult result) {
        StringBuilder all = new StringBuilder();
        for (Format format : Format.values()) {
            all.append(ReportFixtures.render(Reporters.of(format, false, false), result))
                    .append('\n');
        }
        return all.toString();
    }

    /** No planted secret in any output, and of passwords not even four characters in a row. */
    private static void assertHidden(String out, List<String> passwords, List<String> credentials) {
        for (String password : passwords) {
            assertThat(out).doesNotContain(password);
            for (int i = 0; i + 4 <= password.length(); i++) {
                assertThat(out)
                        .as("a piece of a password")
                        .doesNotContain(password.substring(i, i + 4));
            }
        }
        for (String credential : credentials) {
            assertThat(out).doesNotContain(credential);
        }
    }

    private static List<String> found(ScanResult result) {
        return result.findings().stream()
                .map(f -> f.ruleId() + "@" + f.span().startLine())
                .sorted()
                .toList();
    }

    @Test
    void everySecretOnAFlowMapLineIsMasked() {
        ScanResult result =
                scan(
                        "flow.yaml",
                        HostileTemplates.function(
                                "        Variables: {API_KEY: "
                                        + STRIPE_KEY
                                        + ", DB_PASSWORD: "
                                        + PASSWORD_A
                                        + ", ADMIN_PASSWORD: !Sub '"
                                        + PASSWORD_B
                                        + "'}\n"));

        assertThat(found(result))
                .containsExactly("CFS101@11", "CFS102@11", "CFS102@11", "CFS110@3");
        assertHidden(renderAll(result), List.of(PASSWORD_A, PASSWORD_B), List.of(STRIPE_KEY));
    }

    /** A minified template: one line, a function with two passwords and a Stripe key. */
    private static ScanResult minifiedWithThreeSecrets() {
        return scan(
                "min.json",
                minifiedJson(
                        "\"Variables\":{\"DB_PASSWORD\":\""
                                + PASSWORD_A
                                + "\",\"ADMIN_PASSWORD\":\""
                                + PASSWORD_B
                                + "\",\"API_KEY\":\""
                                + STRIPE_KEY
                                + "\"}",
                        ""));
    }

    @Test
    void everySecretOfAMinifiedJsonTemplateIsMasked() {
        ScanResult result = minifiedWithThreeSecrets();

        assertThat(found(result)).containsExactly("CFS101@1", "CFS102@1", "CFS102@1", "CFS110@1");
        assertHidden(renderAll(result), List.of(PASSWORD_A, PASSWORD_B), List.of(STRIPE_KEY));
    }

    /**
     * The findings of one line hide the same secrets, and share one list of them: a minified
     * template with a finding per function would otherwise hold (and reports search) functions ×
     * secrets.
     */
    @Test
    void theFindingsOfAMinifiedLineShareOneListOfItsSecrets() {
        ScanResult result = minifiedWithThreeSecrets();

        assertThat(result.findings()).hasSize(4);
        List<String> first = result.findings().get(0).secrets();
        assertThat(first).contains(PASSWORD_A, PASSWORD_B, STRIPE_KEY);
        assertThat(result.findings()).allSatisfy(f -> assertThat(f.secrets()).isSameAs(first));
    }

    @Test
    void bothBranchesOfAnIfAreMasked() {
        ScanResult result =
                scan(
                        "if.yaml",
                        HostileTemplates.function(
                                        "        Variables:\n          DB_PASSWORD: !If [IsProd, "
                                                + PASSWORD_A
                                                + ", "
                                                + PASSWORD_B
                                                + "]\n")
                                + "Conditions:\n  IsProd: !Equals [!Ref AWS::Region, eu-west-1]\n");

        assertThat(found(result)).containsExactly("CFS102@12", "CFS102@12", "CFS110@3");
        assertHidden(renderAll(result), List.of(PASSWORD_A, PASSWORD_B), List.of());
    }

    @Test
    void thePiecesOfAJoinedSecretAreMasked() {
        String first = PASSWORD_C.substring(0, 8);
        String second = PASSWORD_C.substring(8);
        ScanResult result =
                scan(
                        "join.yaml",
                        HostileTemplates.function(
                                "        Variables:\n          DB_PASSWORD: !Join ['', ["
                                        + first
                                        + ", "
                                        + second
                                        + "]]\n"));

        assertThat(found(result)).containsExactly("CFS102@12", "CFS110@3");
        assertHidden(renderAll(result), List.of(PASSWORD_C), List.of());
    }

    @Test
    void everySecretInsideStructuredValuesOnAFlowMapLineIsMasked() {
        // c3ZjOlBxN1dtMlhyOVR6NEti is svc:Pq7Wm2Xr9Tz4Kb
        String basic = "c3ZjOlBxN1dtMlhyOVR6NEti";
        ScanResult result =
                scan(
                        "documents.yaml",
                        HostileTemplates.function(
                                "        Variables: {SETTINGS: '{\"smtp\":{\"pass\":\""
                                        + PASSWORD_A
                                        + "\"}}', QS: \"user=a&password="
                                        + PASSWORD_B
                                        + "\", ODBC: \"Server=db;PWD={"
                                        + PASSWORD_C
                                        + "}\", HDR: 'Authorization: Basic "
                                        + basic
                                        + "'}\n"));

        assertThat(found(result))
                .containsExactly("CFS101@11", "CFS101@11", "CFS101@11", "CFS101@11", "CFS110@3");
        assertHidden(
                renderAll(result), List.of(PASSWORD_A, PASSWORD_B, PASSWORD_C), List.of(basic));
    }

    @Test
    void everySecretInsideAMinifiedJsonTemplatesDocumentsIsMasked() {
        ScanResult result =
                scan(
                        "documents.json",
                        minifiedJson(
                                "\"Variables\":{\"SETTINGS\":\"{\\\"db\\\":{\\\"password\\\":\\\""
                                        + PASSWORD_A
                                        + "\\\"}}\",\"DOTENV\":\"DB_HOST=db\\nDB_PASSWORD="
                                        + PASSWORD_B
                                        + "\\n\"}",
                                ""));

        assertThat(found(result)).containsExactly("CFS101@1", "CFS101@1", "CFS110@1");
        assertHidden(renderAll(result), List.of(PASSWORD_A, PASSWORD_B), List.of());
    }

    @Test
    void aJsonFileThatDoesNotParseShowsNoSecret() {
        ScanResult result =
                scan(
                        "broken.json",
                        "{\"Resources\":{\"Fn\":{\"Type\":\"AWS::Lambda::Function\","
                                + "\"Properties\":{\"Environment\":{\"Variables\":{\"DB_PASSWORD\":\""
                                + PASSWORD_A
                                + "\",\"API_KEY\":\""
                                + STRIPE_KEY
                                + "\",\"DB_PASSWORD\":\""
                                + PASSWORD_B
                                + "\"}}}}}}");

        // The duplicate key is reported and the template scanned with its last value.
        assertThat(found(result)).containsExactly("CFS001@1", "CFS101@1", "CFS102@1", "CFS110@1");
        assertHidden(renderAll(result), List.of(PASSWORD_A, PASSWORD_B), List.of(STRIPE_KEY));
    }

    @Test
    void aPolicyLineUnderAnIamFindingShowsNoEnvSecret() {
        ScanResult result =
                scan(
                        "iam.json",
                        minifiedJson(
                                "\"Variables\":{\"DB_PASSWORD\":\"" + PASSWORD_A + "\"}",
                                ",\"Reader\":{\"Type\":\"AWS::IAM::Policy\",\"Properties\":{\"PolicyName\":\"p\","
                                        + "\"Roles\":[\"r\"],\"PolicyDocument\":{\"Statement\":[{\"Effect\":\"Allow\","
                                        + "\"Action\":\"lambda:GetFunctionConfiguration\",\"Resource\":\"*\"}]}}}"));

        assertThat(found(result)).containsExactly("CFS102@1", "CFS110@1", "CFS301@1");
        assertHidden(renderAll(result), List.of(PASSWORD_A), List.of());
    }

    @Test
    void secretsAssembledFromPiecesAreMaskedOnEveryShownLine() {
        String passwordD = "Wd3Kx7Nq2Vb9Lm4T";
        ScanResult result =
                scan(
                        "pieces.json",
                        minifiedJson(
                                "\"Variables\":{\"DB_URL\":{\"Fn::Sub\":\"mysql://shop:"
                                        + PASSWORD_A
                                        + "@${DbEndpoint}/shop\"},\"MQ_URL\":{\"Fn::Sub\":"
                                        + "[\"amqps://svc:${P}@${Broker}:5671\",{\"P\":\""
                                        + PASSWORD_B
                                        + "\",\"Broker\":{\"Ref\":\"DbEndpoint\"}}]},"
                                        + "\"J\":{\"Fn::Join\":[\"\",[\"postgres://app:\",\""
                                        + PASSWORD_C
                                        + "\",\"@\",{\"Ref\":\"DbEndpoint\"},\"/db\"]]},"
                                        + "\"LOGIN\":{\"Fn::Sub\":[\"${H} app ${DbPassword}\","
                                        + "{\"DbPassword\":\""
                                        + passwordD
                                        + "\",\"H\":{\"Ref\":\"DbEndpoint\"}}]}}",
                                ""));

        // Each finding shows the one line, and knows only its own secret: the others are found
        // from the document (the rendered pieces of a Sub with a variable map and of a Join).
        assertThat(found(result))
                .containsExactly("CFS101@1", "CFS101@1", "CFS101@1", "CFS101@1", "CFS110@1");
        assertHidden(
                renderAll(result),
                List.of(PASSWORD_A, PASSWORD_B, PASSWORD_C, passwordD),
                List.of());
    }

    @Test
    void anUnknownTagIsNotQuotedInTheMessage() {
        ScanResult result =
                scan(
                        "tag.yaml",
                        HostileTemplates.function(
                                "        Variables:\n          DB_PASSWORD: !"
                                        + PASSWORD_A
                                        + "\n"));

        assertThat(found(result)).containsExactly("CFS001@12");
        assertThat(result.findings().get(0).message())
                .contains("unknown tag (CloudFormation knows");
        assertHidden(renderAll(result), List.of(PASSWORD_A), List.of());
    }

    @Test
    void aParserMessageQuotesNoValue() {
        ScanResult result =
                scan("token.json", "{\"Resources\": {\"DB_PASSWORD\": " + PASSWORD_C + "}}");

        assertThat(found(result)).containsExactly("CFS001@1");
        assertThat(result.findings().get(0).message())
                .contains("malformed JSON: Unrecognized token '…(");
        assertHidden(renderAll(result), List.of(PASSWORD_C), List.of());
    }

    /**
     * A one-line JSON template: a function with {@code environment}, then {@code moreResources}.
     */
    private static String minifiedJson(String environment, String moreResources) {
        return "{\"AWSTemplateFormatVersion\":\"2010-09-09\",\"Resources\":{\"Fn\":{\"Type\":"
                + "\"AWS::Lambda::Function\",\"Properties\":{\"Runtime\":\"python3.12\",\"Handler\":\"i.h\","
                + "\"Code\":{\"ZipFile\":\"x\"},\"Role\":\"arn:aws:iam::123456789012:role/r\",\"Environment\":{"
                + environment
                + "}}}"
                + moreResources
                + "}}";
    }

    /**
     * A secret's reference that a {@code Fn::Join} assembles, as the CDK writes one, is a place and
     * not a secret: it is shown whole, not with every {@code ":"} masked, while a password joined
     * from pieces on the next line stays hidden.
     */
    @Test
    void aJoinedSecretsReferenceIsShownWhole() {
        ScanResult result =
                scan(
                        "reference.yaml",
                        HostileTemplates.function(
                                "        Variables:\n"
                                        + "          WEBHOOK_SECRET: !Join ['', ['{{resolve:secretsmanager:arn:',"
                                        + " !Ref AWS::Partition, ':secretsmanager:', !Ref AWS::Region,"
                                        + " ':', !Ref AWS::AccountId, ':secret:shop/keys:SecretString:webhook::}}']]\n"
                                        + "          DB_PASSWORD: !Join [':', ['"
                                        + PASSWORD_A.substring(0, 8)
                                        + "', '"
                                        + PASSWORD_A.substring(8)
                                        + "']]\n"));

        assertThat(found(result)).containsExactly("CFS102@13", "CFS106@12", "CFS110@3");
        String out = renderAll(result);
        assertThat(out)
                .contains(
                        "'{{resolve:secretsmanager:arn:', !Ref AWS::Partition, ':secretsmanager:'")
                .doesNotContain("…(1 chars)");
        assertHidden(out, List.of(PASSWORD_A), List.of());
    }
}
