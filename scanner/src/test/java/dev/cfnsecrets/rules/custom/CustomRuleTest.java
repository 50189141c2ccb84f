package dev.cfnsecrets.rules.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.MarkedTemplate;
import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.config.Config;
import dev.cfnsecrets.config.ConfigLoader;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.finding.Suppression;
import dev.cfnsecrets.report.Redactor;
import dev.cfnsecrets.report.ReportFixtures;
import dev.cfnsecrets.report.TextReporter;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom rules on real templates: where they report, what they say, and what they never say. */
class CustomRuleTest {
    /** Made up, valid for nothing; it fails the schema and must not appear in any message. */
    private static final String SECRET_LOOKING = "Zq8XkVh3pR7mW2cT9bNf";

    private static final String RULES =
            """
            rules:
              - id: ACME010
                level: error
                message: "{type} {resource}: KmsKeyArn must be a KMS key ARN or a reference"
                resource-types: [AWS::Lambda::Function]
                path: Properties/KmsKeyArn
                when-missing: report
                must:
                  anyOf:
                    - {type: string, pattern: '^arn:aws[a-z-]*:kms:'}
                    - {type: object, maxProperties: 1}
              - id: ACME011
                message: Variables of {resource} must be upper case
                resource-types: ["AWS::Serverless::*"]
                path: Properties/Environment/Variables
                must: {type: object, propertyNames: {pattern: '^[A-Z_][A-Z0-9_]*$'}, maxProperties: 3}
              - id: ACME013
                message: "{resource}: DB_PASSWORD must not be a vendor default"
                resource-types: [AWS::Serverless::Function]
                path: Properties/Environment/Variables/DB_PASSWORD
                must: {not: {enum: [changeme, %s]}}
              - id: ACME012
                message: "{resource} must not run on port 22"
                resource-types: [AWS::EC2::SecurityGroup]
                path: Properties/SecurityGroupIngress/0/FromPort
                must-not: {const: 22}
              - id: ACME014
                message: "{resource}: {path} passes a secret-named variable"
                resource-types: [AWS::ECS::TaskDefinition]
                path: Properties/ContainerDefinitions/*/Environment
                when-missing: report
                must-not:
                  type: array
                  contains: {type: object, required: [Name], properties: {Name: {pattern: '(?i)(password|secret|token)'}}}
              - id: ACME015
                message: "{resource}: {path} must be a string"
                resource-types: [AWS::Lambda::Function]
                path: Properties/Environment/Variables/*
                must-not: {type: [number, boolean]}
              - id: ACME016
                message: "{resource}: environment values are strings"
                resource-types: [AWS::ECS::TaskDefinition]
                path: Properties/ContainerDefinitions/*/Environment/*
                must: {type: object, properties: {Value: {type: string}}}
            """
                    .formatted(SECRET_LOOKING);

    /** ACME013's property holding the value its schema forbids. */
    private static final String VENDOR_DEFAULT_PASSWORD =
            """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Environment:
                    Variables:
                      DB_PASSWORD: %s  # expect: ACME013
            """
                    .formatted(SECRET_LOOKING);

    @TempDir Path dir;

    private Catalog catalog;

    @BeforeEach
    void loadRules() throws IOException {
        Files.writeString(dir.resolve("acme.yml"), RULES);
        Path configFile =
                Files.writeString(dir.resolve(".cfn-secrets.yml"), "custom-rules: [acme.yml]\n");
        Config config = new ConfigLoader(Catalog.bundled()).load(configFile);
        catalog = Catalog.bundled().withCustomRules(config.customRules());
    }

    /** The ACME rules' findings on a template, checked against its marks. */
    private List<Finding> scan(String template) {
        return scan(template, "ACME");
    }

    /**
     * The findings of the rules {@code rules} enables (an id or a prefix) on a template, checked
     * against its marks.
     */
    private List<Finding> scan(String template, String rules) {
        return scanResult(template, rules).findings();
    }

    private ScanResult scanResult(String template, String rules) {
        return MarkedTemplate.scan(
                BuiltInRules.scanner(
                        ScanOptions.DEFAULT.withRules(List.of(rules), List.of()), catalog),
                template);
    }

    /** The findings, in order, are exactly these (message, property path) pairs. */
    private static void assertMessagesAt(List<Finding> findings, Tuple... messageAndPath) {
        assertThat(findings)
                .extracting(Finding::message, Finding::propertyPath)
                .containsExactly(messageAndPath);
    }

    @Test
    void aListWildcardChecksEachItemAndReportsEachFailingOneAtItsOwnPath() {
        List<Finding> findings =
                scan(
                        """
                Resources:
                  Shop:
                    Type: AWS::ECS::TaskDefinition
                    Properties:
                      ContainerDefinitions:
                        - Name: app
                          Environment: [{Name: LOG_LEVEL, Value: info}]  # ok: ACME014
                        - Name: worker
                          Environment:  # expect: ACME014 "ContainerDefinitions/1/Environment"
                            - {Name: DB_PASSWORD, Value: %s}
                        - Name: logger  # ok: ACME014
                        - Name: proxy
                          Environment: [{Name: api_token, Value: x}]  # expect: ACME014 "ContainerDefinitions/3/Environment"
                """
                                .formatted(SECRET_LOOKING),
                        "ACME014");

        assertMessagesAt(
                findings,
                tuple(
                        "Shop: Properties/ContainerDefinitions/1/Environment passes a secret-named variable",
                        "Resources/Shop/Properties/ContainerDefinitions/1/Environment"),
                tuple(
                        "Shop: Properties/ContainerDefinitions/3/Environment passes a secret-named variable",
                        "Resources/Shop/Properties/ContainerDefinitions/3/Environment"));
        assertThat(findings.get(0).fingerprint()).isNotEqualTo(findings.get(1).fingerprint());
        assertThat(findings)
                .allSatisfy(
                        f -> assertThat(f.message() + f.value()).doesNotContain(SECRET_LOOKING));
    }

    @Test
    void aMapWildcardChecksEachValue() {
        List<Finding> findings =
                scan(
                        """
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Environment:
                        Variables:
                          TABLE: orders  # ok: ACME015
                          PORT: 5432  # expect: ACME015 "Variables/PORT"
                          STAGE: !Ref Stage  # ok: ACME015
                          DEBUG: true  # expect: ACME015 "Variables/DEBUG"
                  Unknown:
                    Type: AWS::Lambda::Function
                    Properties:
                      Environment:
                        Variables: !If [Prod, {PORT: 5432}, {PORT: 8080}]  # ok: ACME015
                """,
                        "ACME015");

        assertMessagesAt(
                findings,
                tuple(
                        "Fn: Properties/Environment/Variables/PORT must be a string",
                        "Resources/Fn/Properties/Environment/Variables/PORT"),
                tuple(
                        "Fn: Properties/Environment/Variables/DEBUG must be a string",
                        "Resources/Fn/Properties/Environment/Variables/DEBUG"));
        assertThat(findings.get(0).span().startColumn()).isEqualTo(17);
    }

    @Test
    void nestedWildcardsReportTheFailingPartOfEachMatch() {
        List<Finding> findings =
                scan(
                        """
                Resources:
                  Shop:
                    Type: AWS::ECS::TaskDefinition
                    Properties:
                      ContainerDefinitions:
                        - Name: app
                          Environment:
                            - {Name: LOG_LEVEL, Value: info}
                        - Name: worker
                          Environment:
                            - {Name: QUEUE, Value: orders}
                            - Name: THREADS
                              Value: 8  # expect: ACME016
                """,
                        "ACME016");

        assertMessagesAt(
                findings,
                tuple(
                        "Shop: environment values are strings"
                                + " (Properties/ContainerDefinitions/1/Environment/1/Value: integer found, string expected)",
                        "Resources/Shop/Properties/ContainerDefinitions/1/Environment/1/Value"));
    }

    @Test
    void withAWildcardOnlyThePathBeforeItIsReportedMissing() {
        List<Finding> findings =
                scan(
                        """
                Resources:
                  NoContainers:
                    Type: AWS::ECS::TaskDefinition  # expect: ACME014
                    Properties: {Family: batch}
                  Empty:
                    Type: AWS::ECS::TaskDefinition  # ok: ACME014
                    Properties: {ContainerDefinitions: []}  # ok: ACME014
                  NoEnvironment:
                    Type: AWS::ECS::TaskDefinition  # ok: ACME014
                    Properties:
                      ContainerDefinitions: [{Name: app}]  # ok: ACME014
                """,
                        "ACME014");

        assertMessagesAt(
                findings,
                tuple(
                        "NoContainers: Properties/ContainerDefinitions passes a secret-named variable"
                                + " (Properties/ContainerDefinitions is missing)",
                        "Resources/NoContainers/Properties/ContainerDefinitions"));
    }

    @Test
    void aWildcardMatchThatRunsIntoAnIntrinsicFunctionIsSkippedAlone() {
        List<Finding> findings =
                scan(
                        """
                Resources:
                  Shop:
                    Type: AWS::ECS::TaskDefinition
                    Properties:
                      ContainerDefinitions:
                        - !If [Debug, {Name: debugger, Environment: [{Name: SECRET_KEY, Value: x}]}, !Ref AWS::NoValue]  # ok: ACME014
                        - Name: app
                          Environment: !If [Debug, [{Name: TOKEN, Value: x}], []]  # ok: ACME014
                        - Name: worker
                          Environment: [{Name: TOKEN, Value: x}]  # expect: ACME014
                  Chosen:
                    Type: AWS::ECS::TaskDefinition  # ok: ACME014
                    Properties:
                      ContainerDefinitions: !If [Debug, [{Name: debugger, Environment: [{Name: TOKEN, Value: x}]}], []]  # ok: ACME014
                """,
                        "ACME014");

        assertThat(findings)
                .extracting(Finding::propertyPath)
                .containsExactly("Resources/Shop/Properties/ContainerDefinitions/2/Environment");
    }

    @Test
    void aValueThatFailsTheSchemaIsReportedAtTheValueWithoutQuotingIt() {
        List<Finding> findings =
                scan(
                        """
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Metadata: {aws:cdk:path: App/Fn/Resource}
                    Properties:
                      KmsKeyArn: %s  # expect: ACME010
                """
                                .formatted(SECRET_LOOKING));

        Finding f = findings.get(0);
        assertThat(f.ruleId()).isEqualTo("ACME010");
        assertThat(f.level()).isEqualTo(Level.ERROR);
        assertThat(f.message())
                .isEqualTo(
                        "AWS::Lambda::Function Fn: KmsKeyArn must be a KMS key ARN or a reference"
                                + " (Properties/KmsKeyArn: does not match the regex pattern ^arn:aws[a-z-]*:kms:)");
        assertThat(f.span().startColumn()).isEqualTo(18);
        assertThat(f.logicalId()).isEqualTo("Fn");
        assertThat(f.propertyPath()).isEqualTo("Resources/Fn/Properties/KmsKeyArn");
        assertThat(f.cdkPath()).isEqualTo("App/Fn/Resource");
        assertThat(f.message() + f.value()).doesNotContain(SECRET_LOOKING);
    }

    @Test
    void aMessageThatWouldQuoteTheValueNamesTheKeywordInstead() {
        List<Finding> findings = scan(VENDOR_DEFAULT_PASSWORD);

        assertThat(findings)
                .extracting(Finding::message)
                .containsExactly(
                        "Fn: DB_PASSWORD must not be a vendor default"
                                + " (Properties/Environment/Variables/DB_PASSWORD: fails the schema's 'not')");
    }

    @Test
    void theTextReportRedactsTheValueOnTheSourceLineItShows() throws IOException {
        ScanResult result = scanResult(VENDOR_DEFAULT_PASSWORD, "ACME");
        String text = ReportFixtures.render(new TextReporter(false, new Redactor(false)), result);

        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("ACME013");
        assertThat(text)
                .contains("t.yaml:7:24: warning ACME013", "DB_PASSWORD: …(20 chars)")
                .doesNotContain(SECRET_LOOKING);
    }

    @Test
    void aMissingPropertyIsReportedAtTheTypeWhenTheRuleAsks() {
        List<Finding> findings =
                scan(
                        """
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function  # expect: ACME010 "Properties/KmsKeyArn is missing"
                    Properties: {Handler: app.handler}
                  Key:
                    Type: AWS::Lambda::Function  # ok: ACME010
                    Properties: {KmsKeyArn: !GetAtt FunctionKey.Arn}
                  Arn:
                    Type: AWS::Lambda::Function  # ok: ACME010
                    Properties: {KmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'}
                """);

        assertThat(findings.get(0).message())
                .isEqualTo(
                        "AWS::Lambda::Function Fn: KmsKeyArn must be a KMS key ARN or a reference"
                                + " (Properties/KmsKeyArn is missing)");
        assertThat(findings.get(0).propertyPath()).isEqualTo("Resources/Fn/Properties/KmsKeyArn");
    }

    @Test
    void mustNotReportsAValueThatSatisfiesTheSchemaAndFollowsListIndexes() {
        List<Finding> findings =
                scan(
                        """
                Resources:
                  Ssh:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      SecurityGroupIngress:
                        - {IpProtocol: tcp, FromPort: 22, ToPort: 22}  # expect: ACME012
                  Https:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      SecurityGroupIngress:
                        - {IpProtocol: tcp, FromPort: 443, ToPort: 443}  # ok: ACME012
                  Unknown:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      SecurityGroupIngress: !If [Open, [{FromPort: 22}], []]  # ok: ACME012
                """);

        assertMessagesAt(
                findings,
                tuple(
                        "Ssh must not run on port 22",
                        "Resources/Ssh/Properties/SecurityGroupIngress/0/FromPort"));
    }

    @Test
    void globalsAreMergedAndTheFindingPointsAtTheOffendingName() {
        List<Finding> findings =
                scan(
                        """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Environment:
                      Variables: {TABLE: orders, lower_case: x}  # ok: ACME011
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Environment:
                        Variables: {QUEUE: q}  # expect: ACME011
                """);

        assertThat(findings)
                .extracting(Finding::message)
                .containsExactly(
                        "Variables of Fn must be upper case"
                                + " (Properties/Environment/Variables: property 'lower_case' name is not valid:"
                                + " does not match the regex pattern ^[A-Z_][A-Z0-9_]*$)");
    }

    @Test
    void inTemplateSuppressionsAndStableFingerprintsApply() {
        String template =
                """
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Metadata:
                      cfn-secrets:
                        ignore: [{id: ACME010, reason: uses the default key on purpose}]
                    Properties: {Handler: app.handler}
                """;
        Finding suppressed = scan(template).get(0);
        Finding moved = scan("# a comment that moves every line\n" + template).get(0);

        assertThat(suppressed.suppression())
                .hasValueSatisfying(
                        s -> {
                            assertThat(s.kind()).isEqualTo(Suppression.Kind.IN_SOURCE);
                            assertThat(s.justification())
                                    .isEqualTo("uses the default key on purpose");
                        });
        assertThat(moved.fingerprint()).isEqualTo(suppressed.fingerprint());
        assertThat(
                        BuiltInRules.scanner(
                                        ScanOptions.DEFAULT
                                                .withRules(List.of("ACME010"), List.of())
                                                .withBaseline(Set.of(suppressed.fingerprint())),
                                        catalog)
                                .scan(
                                        new SourceFile(
                                                "t.yaml", template.replace("cfn-secrets", "other")))
                                .findings())
                .singleElement()
                .satisfies(
                        f ->
                                assertThat(f.suppression())
                                        .hasValueSatisfying(
                                                s ->
                                                        assertThat(s.kind())
                                                                .isEqualTo(
                                                                        Suppression.Kind
                                                                                .EXTERNAL)));
    }
}
