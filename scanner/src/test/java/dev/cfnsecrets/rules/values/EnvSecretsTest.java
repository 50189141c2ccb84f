package dev.cfnsecrets.rules.values;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.eval.Evaluator;
import dev.cfnsecrets.eval.Part;
import dev.cfnsecrets.model.Document;
import dev.cfnsecrets.model.DocumentLoader;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.rules.DocumentScope;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.RuleSettings;
import dev.cfnsecrets.secrets.BlastRadius;
import dev.cfnsecrets.secrets.CredentialDetector;
import dev.cfnsecrets.secrets.CredentialMatch;
import dev.cfnsecrets.source.Limits;
import dev.cfnsecrets.source.SourceFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvSecretsTest {
    private static final String TOKEN = "ghp_" + "HdaeyQl62PbUM9biY2EWa5S02kgVDIp4tlQI";

    private static Template template(String... lines) {
        Document d =
                new DocumentLoader(Limits.DEFAULT)
                        .parse(new SourceFile("t.yaml", String.join("\n", lines) + "\n"));
        return ((Document.TemplateDocument) d).template();
    }

    private static RuleContext context(Template t) {
        return new RuleContext(
                new DocumentScope(new Document.TemplateDocument(t), RuleSettings.DEFAULT),
                Catalog.bundled(),
                Map.of());
    }

    private static List<EnvConcern> concerns(Template t, String resource) {
        return EnvSecrets.concerns(context(t), t.resources().get(resource));
    }

    private static String function(String... variables) {
        StringBuilder b =
                new StringBuilder(
                        String.join(
                                "\n",
                                "Resources:",
                                "  Fn:",
                                "    Type: AWS::Lambda::Function",
                                "    Properties:",
                                "      Environment:",
                                "        Variables:"));
        for (String v : variables) {
            b.append("\n          ").append(v);
        }
        return b.toString();
    }

    @Test
    void aCredentialIsNotReportedAgainAsASecretNamedLiteral() {
        Template t = template(function("API_TOKEN: " + TOKEN));
        assertThat(concerns(t, "Fn"))
                .extracting(EnvConcern::kind)
                .containsExactly(EnvConcern.Kind.CREDENTIAL);
        assertThat(concerns(t, "Fn").get(0).radius()).isEqualTo(BlastRadius.CRITICAL);
        assertThat(concerns(t, "Fn").get(0).secrets()).containsExactly(TOKEN);
    }

    @Test
    void aSecretLookingDefaultIsALiteralNotAParameterConcern() {
        Template t =
                template(
                        "Parameters:",
                        "  Pw:",
                        "    Type: String",
                        "    NoEcho: true",
                        "    Default: Tr0ub4dor&3x",
                        function("DB_PASSWORD: !Ref Pw"));
        List<EnvConcern> found = concerns(t, "Fn");
        assertThat(found)
                .extracting(EnvConcern::kind)
                .containsExactly(EnvConcern.Kind.SECRET_LITERAL);
        // Reported at the variable, with a related location at the Default (line 5).
        assertThat(found.get(0).where().span().startLine()).isEqualTo(12);
        assertThat(found.get(0).where().related())
                .extracting(r -> r.span().startLine())
                .containsExactly(5);
    }

    @Test
    void bothBranchesOfAnIfAreExamined() {
        Template t =
                template(
                        "Conditions:",
                        "  Prod: !Equals [a, a]",
                        function(
                                "DB_PASSWORD: !If [Prod, \"{{resolve:secretsmanager:prod/db}}\", \"{{resolve:ssm:/dev/db-password}}\"]"));
        assertThat(concerns(t, "Fn"))
                .extracting(EnvConcern::kind)
                .containsExactly(EnvConcern.Kind.RESOLVED_SECRET, EnvConcern.Kind.PLAINTEXT_SSM);
    }

    @Test
    void aParameterThatOnlyNamesTheSecretOfAReferenceIsNotASecretParameter() {
        Template t =
                template(
                        "Parameters:",
                        "  SecretArn:",
                        "    Type: String",
                        function(
                                "DB_PASSWORD: !Sub \"{{resolve:secretsmanager:${SecretArn}:SecretString:password}}\""));
        assertThat(concerns(t, "Fn"))
                .extracting(EnvConcern::kind)
                .containsExactly(EnvConcern.Kind.RESOLVED_SECRET);
    }

    @Test
    void aSecretsManagerFieldThatIsNoSecretIsNotResolvedSecret() {
        Template t =
                template(
                        function(
                                "DB_USER: \"{{resolve:secretsmanager:prod/db:SecretString:username}}\"",
                                "DB_HOST: \"{{resolve:secretsmanager:arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbC:SecretString:host}}\""));
        assertThat(concerns(t, "Fn")).isEmpty();
    }

    @Test
    void ecsEnvironmentPairsAreVariables() {
        Template t =
                template(
                        "Resources:",
                        "  Task:",
                        "    Type: AWS::ECS::TaskDefinition",
                        "    Properties:",
                        "      ContainerDefinitions:",
                        "        - Name: app",
                        "          Environment:",
                        "            - {Name: DB_PASSWORD, Value: Tr0ub4dor&3x}",
                        "            - {Name: STAGE, Value: prod}");
        assertThat(EnvVariables.of(t.resources().get("Task")))
                .extracting(EnvVariable::name)
                .containsExactly("DB_PASSWORD", "STAGE");
        assertThat(concerns(t, "Task"))
                .extracting(c -> c.variable().name())
                .containsExactly("DB_PASSWORD");
    }

    @Test
    void secretVariablesListsTheVariablesForCfs305WithTheReason() {
        Template t =
                template(
                        function(
                                "TABLE: orders",
                                "KEY: " + TOKEN,
                                "PW: \"{{resolve:secretsmanager:p/db}}\""));
        assertThat(EnvSecrets.secretVariables(context(t), t.resources().get("Fn")))
                .extracting(EnvSecrets.SecretVariable::name, EnvSecrets.SecretVariable::why)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "KEY", "a GitHub token written in the template"),
                        org.assertj.core.groups.Tuple.tuple(
                                "PW",
                                "{{resolve:secretsmanager:p/db}}, resolved into the configuration"));
    }

    @Test
    void secretStringSlicesAreItsSecretFields() {
        Template t =
                template(
                        "Parameters:",
                        "  User:",
                        "    Type: String",
                        "  Pass:",
                        "    Type: String",
                        "Resources:",
                        "  S:",
                        "    Type: AWS::SecretsManager::Secret",
                        "    Properties:",
                        "      SecretString: !Sub '{\"username\": \"${User}\", \"password\": \"${Pass}\"}'");
        Rendered r =
                Rendered.of(
                        new Evaluator(t)
                                .evaluate(
                                        t.resources()
                                                .get("S")
                                                .properties()
                                                .get("SecretString")
                                                .get())
                                .alternatives()
                                .get(0));
        List<SecretSlices.Slice> slices = SecretSlices.of(r, "SecretString", true);
        assertThat(slices).extracting(SecretSlices.Slice::name).containsExactly("password");
        assertThat(slices.get(0).parts())
                .extracting(p -> ((Part.Unknown) p).name())
                .containsExactly("Pass");
    }

    /**
     * Every function that inherits a SAM Globals value examines the same text, and several rules
     * examine the same values: credential searches are made once per text and document, or a large
     * value costs rules × functions × its length.
     */
    @Test
    void credentialSearchesAreMadeOncePerTextAndDocument() {
        Template t =
                template(
                        "Globals:",
                        "  Function:",
                        "    Environment:",
                        "      Variables:",
                        "        KEY: " + TOKEN,
                        "Resources:",
                        "  A: {Type: AWS::Serverless::Function, Properties: {CodeUri: a}}",
                        "  B: {Type: AWS::Serverless::Function, Properties: {CodeUri: b}}");
        RuleContext shared = context(t);
        assertThat(EnvSecrets.concerns(shared, t.resources().get("A")))
                .extracting(EnvConcern::kind)
                .containsExactly(EnvConcern.Kind.CREDENTIAL);
        assertThat(EnvSecrets.concerns(shared, t.resources().get("B")))
                .extracting(EnvConcern::kind)
                .containsExactly(EnvConcern.Kind.CREDENTIAL);
        CredentialDetector.Context key = new CredentialDetector.Context("KEY", false);
        assertThat(CredentialSearchCache.everyFormat(shared, TOKEN, key))
                .isSameAs(CredentialSearchCache.everyFormat(shared, TOKEN, key))
                .extracting(CredentialMatch::secret)
                .containsExactly(TOKEN);
        assertThat(CredentialSearchCache.everyFormat(context(t), TOKEN, key))
                .isNotSameAs(CredentialSearchCache.everyFormat(shared, TOKEN, key));
    }
}
