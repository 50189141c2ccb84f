package dev.cfnsecrets.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.config.Config;
import dev.cfnsecrets.config.ConfigLoader;
import dev.cfnsecrets.finding.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The allow list of {@code .cfn-secrets.yml}, read by {@link ConfigLoader} and scanned like the
 * command line does: one template with secrets of every kind, scanned without and with a list.
 */
class AllowListScanTest {
    private static final String GH_TOKEN = "ghp_" + "HdaeyQl62PbUM9biY2EWa5S02kgVDIp4tlQI";
    private static final String OTHER_GH_TOKEN = "ghp_" + "58g5TlsjE44ppXQCalk3NdDl1eQTNFRIOo2m";
    private static final String SLACK_TOKEN =
            "xoxb-" + "828713385427-5639518008611-RfUnn9CD7ZQF81N3zU8QxlL6";

    private static final String TEMPLATE =
            """
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              DbHost:
                Type: String
                Default: db.internal
              AdminPassword:
                Type: String
                Default: fixture-Adm1nPass
              ApiToken:
                Type: String
                NoEcho: true
                Default: fixture-Tk9qZ2xLm4Vb7
            Globals:
              Function:
                Environment:
                  Variables:
                    SLACK_TOKEN: %3$s
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: app.handler
                  Environment:
                    Variables:
                      GH_TOKEN: %1$s
                      DEPLOY_KEY: %2$s
                      DATABASE_URL: !Sub "postgres://app:local-pg-pass@${DbHost}/app"
                      LEGACY_DSN: "Server=db.internal;User Id=app;Password=local-pg-pass-2024!;"
                      SESSION_SECRET: sandbox-9fQ2xLk0vR7pZ3mNc4Wb
                      JWT_SECRET: 9fQ2xLk0vR7pZ3mNc4Wb
                      API_TOKEN: !Ref ApiToken
                      API_KEY: "token=%1$s"
              SamFn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.handler
                  Environment:
                    Variables:
                      LOG_LEVEL: debug
              Reader:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - {Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}
                  Policies:
                    - PolicyName: read
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: lambda:GetFunctionConfiguration
                            Resource: !GetAtt SamFn.Arn
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  MasterUsername: app
                  MasterUserPassword: fixture-Rds9Pass
            Outputs:
              Token:
                Value: %1$s
            """
                    .formatted(GH_TOKEN, OTHER_GH_TOKEN, SLACK_TOKEN);

    /** Every finding of the template without an allow list: rule, line, property path. */
    private static final List<String> WITHOUT_ALLOW_LIST =
            List.of(
                    "CFS108 6 Parameters/AdminPassword",
                    "CFS108 9 Parameters/ApiToken",
                    "CFS101 17 Globals/Function/Environment/Variables/SLACK_TOKEN",
                    "CFS110 19 Resources/Fn/Properties/KmsKeyArn",
                    "CFS101 25 Resources/Fn/Properties/Environment/Variables/GH_TOKEN",
                    "CFS101 26 Resources/Fn/Properties/Environment/Variables/DEPLOY_KEY",
                    "CFS101 27 Resources/Fn/Properties/Environment/Variables/DATABASE_URL",
                    "CFS101 28 Resources/Fn/Properties/Environment/Variables/LEGACY_DSN",
                    "CFS102 29 Resources/Fn/Properties/Environment/Variables/SESSION_SECRET",
                    "CFS102 30 Resources/Fn/Properties/Environment/Variables/JWT_SECRET",
                    "CFS102 31 Resources/Fn/Properties/Environment/Variables/API_TOKEN",
                    "CFS101 32 Resources/Fn/Properties/Environment/Variables/API_KEY",
                    "CFS110 33 Resources/SamFn/Properties/KmsKeyArn",
                    "CFS305 51 Resources/Reader/Properties/Policies/0/PolicyDocument/Statement/0/Action",
                    "CFS111 58 Resources/Db/Properties/MasterUserPassword",
                    "CFS107 61 Outputs/Token/Value");

    @TempDir Path dir;

    private List<Finding> scan(String config) throws IOException {
        Path template = Files.writeString(dir.resolve("template.yaml"), TEMPLATE);
        Config loaded =
                new ConfigLoader(Catalog.bundled())
                        .load(Files.writeString(dir.resolve(".cfn-secrets.yml"), config));
        return BuiltInRules.scanner(ScanOptions.from(loaded))
                .scan(List.of(template.toString()), InputStream::nullInputStream)
                .findings();
    }

    private static List<String> shown(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.ruleId() + " " + f.span().startLine() + " " + f.propertyPath())
                .toList();
    }

    @Test
    void withoutAnAllowListEverySecretIsReported() throws IOException {
        assertThat(shown(scan("# nothing configured\n")))
                .containsExactlyElementsOf(WITHOUT_ALLOW_LIST);
    }

    @Test
    void allowedValuesAndPatternsAreNotSecretsForAnyRule() throws IOException {
        List<Finding> findings =
                scan(
                        """
                allow:
                  values: ["%s", "%s"]
                  patterns: ["^fixture-", "^local-[a-z-]+$", "sandbox"]
                """
                                .formatted(GH_TOKEN, SLACK_TOKEN));

        assertThat(shown(findings))
                .containsExactly(
                        // Named like a password and not NoEcho: that is not about its value.
                        "CFS108 6 Parameters/AdminPassword",
                        // Fn still holds secrets that are not on the list.
                        "CFS110 19 Resources/Fn/Properties/KmsKeyArn",
                        "CFS101 26 Resources/Fn/Properties/Environment/Variables/DEPLOY_KEY",
                        // local-pg-pass-2024! does not match the anchored ^local-[a-z-]+$.
                        "CFS101 28 Resources/Fn/Properties/Environment/Variables/LEGACY_DSN",
                        "CFS102 30 Resources/Fn/Properties/Environment/Variables/JWT_SECRET",
                        // The Default is allowed, so the variable is what is left: fed from a
                        // Parameter.
                        "CFS103 31 Resources/Fn/Properties/Environment/Variables/API_TOKEN");
        // Gone: the Globals token (and with it SamFn's CFS110 and Reader's CFS305), GH_TOKEN, the
        // password of
        // the Fn::Sub URL, the partial match "sandbox", the token inside API_KEY (not reported as a
        // secret-named literal instead), the RDS password, the Output and ApiToken's Default
        // (CFS108).
        Finding admin = findings.get(0);
        assertThat(admin.message()).contains("is not NoEcho").doesNotContain("has a Default");
    }

    @Test
    void patternsAreJudgedAgainstTheSecretNotTheWholeValue() throws IOException {
        // db.internal is in DATABASE_URL and LEGACY_DSN, but not in the passwords they hold; values
        // are
        // compared exactly, so an upper-cased token allows nothing.
        List<Finding> findings =
                scan(
                        """
                allow:
                  values: ["%s"]
                  patterns: ["db\\\\.internal", "^postgres://"]
                """
                                .formatted(GH_TOKEN.toUpperCase(Locale.ROOT)));

        assertThat(shown(findings)).containsExactlyElementsOf(WITHOUT_ALLOW_LIST);
    }
}
