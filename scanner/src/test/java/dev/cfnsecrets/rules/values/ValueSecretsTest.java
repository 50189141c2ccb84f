package dev.cfnsecrets.rules.values;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.model.Document;
import dev.cfnsecrets.model.DocumentLoader;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.rules.DocumentScope;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.RuleSettings;
import dev.cfnsecrets.rules.Where;
import dev.cfnsecrets.secrets.BlastRadius;
import dev.cfnsecrets.secrets.SecretNames;
import dev.cfnsecrets.source.Limits;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What {@link ValueSecrets} answers about values written in templates, and what it leaves alone.
 */
class ValueSecretsTest {
    private static final String TOKEN = "ghp_" + "HdaeyQl62PbUM9biY2EWa5S02kgVDIp4tlQI";

    private record Scanned(Template template, RuleContext context) {
        /**
         * The answers about the value of {@code name} of function Fn, one list per way it deploys.
         */
        List<ValueSecrets.Alternative> variable(String name) {
            Node value =
                    EnvVariables.of(template.resources().get("Fn")).stream()
                            .filter(v -> v.name().equals(name))
                            .findFirst()
                            .orElseThrow()
                            .value();
            return ValueSecrets.of(context, value, name, false).alternatives();
        }

        /** The answers about property {@code property} of {@code resource}. */
        List<ValueSecrets.Alternative> property(String resource, String property) {
            Node value =
                    template.resources().get(resource).properties().get(property).orElseThrow();
            return ValueSecrets.of(context, value, property, false).alternatives();
        }

        ValueSecrets.Alternative only(String name) {
            List<ValueSecrets.Alternative> alternatives = variable(name);
            assertThat(alternatives).hasSize(1);
            return alternatives.get(0);
        }
    }

    private static Scanned scan(String... lines) {
        Document d =
                new DocumentLoader(Limits.DEFAULT)
                        .parse(new SourceFile("t.yaml", String.join("\n", lines) + "\n"));
        Template t = ((Document.TemplateDocument) d).template();
        return new Scanned(
                t,
                new RuleContext(
                        new DocumentScope(new Document.TemplateDocument(t), RuleSettings.DEFAULT),
                        Catalog.bundled(),
                        Map.of()));
    }

    /**
     * A template whose function Fn has {@code variables}, after {@code before} (Parameters,
     * Conditions…).
     */
    private static Scanned function(List<String> before, String... variables) {
        StringBuilder b = new StringBuilder(String.join("\n", before));
        b.append(
                "\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n"
                        + "        Variables:");
        for (String v : variables) {
            b.append("\n          ").append(v);
        }
        b.append("\n  Key:\n    Type: AWS::IAM::AccessKey\n    Properties: {UserName: app}");
        return scan(b.toString());
    }

    private static Scanned function(String... variables) {
        return function(List.of(), variables);
    }

    private static Optional<ValueSecrets.Literal> namedLiteral(ValueSecrets.Alternative a) {
        return a.secretName().flatMap(a::literalUnder);
    }

    @Test
    void aCredentialOfAKnownFormatWithItsPieceAndBlastRadius() {
        ValueSecrets.Alternative a = function("GITHUB: " + TOKEN).only("GITHUB");
        assertThat(a.credentials())
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.detail()).isEqualTo("GitHub token");
                            assertThat(c.match().secret()).isEqualTo(TOKEN);
                            assertThat(c.piece().text()).isEqualTo(TOKEN);
                            assertThat(c.radius()).isEqualTo(BlastRadius.CRITICAL);
                            assertThat(c.where().span().startLine()).isEqualTo(8);
                        });
    }

    @Test
    void aSecretLookingLiteralUnderASecretName() {
        ValueSecrets.Alternative a = function("DB_PASSWORD: Tr0ub4dor&3x").only("DB_PASSWORD");
        assertThat(a.credentials()).isEmpty();
        assertThat(namedLiteral(a))
                .hasValueSatisfying(
                        l -> {
                            assertThat(l.detail()).isEqualTo("password");
                            assertThat(l.text()).isEqualTo("Tr0ub4dor&3x");
                            assertThat(l.radius())
                                    .isEqualTo(SecretNames.blastRadius("DB_PASSWORD"));
                        });
    }

    @Test
    void passwordsPeopleWriteUnderPasswordLikeNamesAtTheirExactSpan() {
        Scanned s =
                function(
                        "SECRET_KEY: Xq8Lm2Nv7Bc4Zx9Kj3Hg6Fd1Sa5",
                        "DB_PASSWORD: SuperSecret123",
                        "ADMIN_PASSWORD: MyCompany_2024",
                        "SMTP_PWD: CorrectHorseBatteryStaple",
                        "CLIENT_SECRET: ShopClientOrders",
                        "SERVICE_TOKEN: Orders2024");
        List<String> names =
                List.of(
                        "SECRET_KEY",
                        "DB_PASSWORD",
                        "ADMIN_PASSWORD",
                        "SMTP_PWD",
                        "CLIENT_SECRET",
                        "SERVICE_TOKEN");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            ValueSecrets.Literal l = namedLiteral(s.only(name)).orElseThrow();
            // Ten spaces of indentation, the name, ": ", then the value (columns from 1).
            int start = 11 + name.length() + 2;
            assertThat(l.where().span().startLine()).as(name).isEqualTo(8 + i);
            assertThat(l.where().span().startColumn()).as(name).isEqualTo(start);
            assertThat(l.where().span().endColumn()).as(name).isEqualTo(start + l.text().length());
        }
    }

    @Test
    void whyAValueUnderASecretNameIsNotASecret() {
        RuleContext context = scan("Resources:", "  Fn: {Type: AWS::Lambda::Function}").context();
        String identifier = "an identifier (the name of something, not a secret value)";
        // name, value, why it is not a secret ("" when it is one)
        List<List<String>> cases =
                List.of(
                        List.of("DB_PASSWORD", "changeme", "a placeholder"),
                        List.of("DB_PASSWORD", "", "empty"),
                        List.of("DB_PASSWORD", "12345", "a number"),
                        List.of("DB_PASSWORD", "true", "a boolean"),
                        List.of("DB_PASSWORD", "${DB_PASSWORD}", "a placeholder"),
                        List.of("DB_PASSWORD", "/prod/db/password", "a Parameter Store path"),
                        List.of("DB_PASSWORD", "ParentMasterPassword", identifier),
                        List.of("Password", "NoEcho", identifier),
                        List.of("API_TOKEN", "OrdersServiceToken", identifier),
                        List.of("API_TOKEN", "hunter2hunter", "not random enough to be a token"),
                        List.of("DB_PASSWORD", "MyCompany_2024", ""),
                        List.of("DB_PASSWORD", "SuperSecret123", ""),
                        List.of("API_TOKEN", "Orders2024", ""),
                        List.of(
                                "DB_PASSWORD",
                                "$(aws ssm get-parameter --name x)",
                                "a shell command substitution"),
                        // a webhook's URL carries its token: under a webhook name, a random segment
                        List.of(
                                "HOOK_URL",
                                "https://ops.acme.io/webhook/a8f3k29dk3l0s9d8f7g6h5j4",
                                ""),
                        List.of(
                                "ALERT_WEBHOOK",
                                "https://ci.acme.io/invoke?token=Qm4Zx8Vn2Lk6Hj9D",
                                ""),
                        List.of(
                                "HOOK_URL",
                                "https://api.acme.io/webhooks/github",
                                "a URL without credentials"),
                        List.of(
                                "CALLBACK_URL",
                                "https://ops.acme.io/cb/a8f3k29dk3l0s9d8f7g6h5j4",
                                "a URL without credentials"));
        for (List<String> c : cases) {
            assertThat(ValueSecrets.whyNotSecret(context, c.get(0), c.get(1)).orElse(""))
                    .as(c.get(0) + ": " + c.get(1))
                    .isEqualTo(c.get(2));
        }
    }

    @Test
    void aLiteralFromADefaultIsReportedAtTheValueWithTheDefaultRelated() {
        Scanned s =
                function(
                        List.of(
                                "Parameters:",
                                "  Pw:",
                                "    Type: String",
                                "    Default: Tr0ub4dor&3x"),
                        "DB_PASSWORD: !Ref Pw");
        ValueSecrets.Literal l = namedLiteral(s.only("DB_PASSWORD")).orElseThrow();
        assertThat(l.first().viaParameter()).isEqualTo("Pw");
        assertThat(l.where().span().startLine()).isEqualTo(11);
        assertThat(l.where().related()).extracting(r -> r.span().startLine()).containsExactly(4);
    }

    @Test
    void aSecretFedThroughAParameter() {
        Scanned s =
                function(
                        List.of(
                                "Parameters:",
                                "  DbPassword:",
                                "    Type: String",
                                "    NoEcho: true"),
                        "DB_PASSWORD: !Ref DbPassword",
                        "STAGE: !Ref DbPassword");
        ValueSecrets.Alternative a = s.only("DB_PASSWORD");
        assertThat(namedLiteral(a)).isEmpty();
        assertThat(a.pieces())
                .singleElement()
                .isInstanceOfSatisfying(
                        ValueSecrets.FromParameter.class,
                        p -> assertThat(p.parameter().noEcho()).isTrue());
        assertThat(a.throughParameters())
                .hasValueSatisfying(
                        t -> {
                            assertThat(t.parameters()).containsExactly("DbPassword");
                            assertThat(t.where().related())
                                    .extracting(Where.Related::note)
                                    .containsExactly(
                                            "Parameter DbPassword is declared here (NoEcho hides it from the console, not from "
                                                    + "the function configuration)");
                        });
        // A secret-named Parameter makes any variable it feeds a secret one.
        assertThat(s.only("STAGE").throughParameters())
                .map(ValueSecrets.ThroughParameters::secretName)
                .hasValue("DbPassword");
    }

    @Test
    void dynamicReferencesSayWhetherTheyBringASecretUnderTheName() {
        Scanned s =
                function(
                        "DB_PASSWORD: '{{resolve:secretsmanager:prod/db}}'",
                        "DB_USER: '{{resolve:secretsmanager:prod/db:SecretString:username}}'",
                        "CONFIG: '{{resolve:ssm:/app/db-password:3}}'",
                        "STAGE: '{{resolve:ssm:/app/stage}}'",
                        "SECURE: '{{resolve:ssm-secure:/app/key}}'");
        assertThat(s.only("DB_PASSWORD").references())
                .singleElement()
                .satisfies(r -> assertThat(r.secret()).isTrue())
                .satisfies(
                        r ->
                                assertThat(r.detail())
                                        .isEqualTo("{{resolve:secretsmanager:prod/db}}"));
        assertThat(s.only("DB_USER").references())
                .singleElement()
                .satisfies(r -> assertThat(r.secret()).isFalse());
        assertThat(s.only("CONFIG").references())
                .singleElement()
                .satisfies(r -> assertThat(r.secret()).isTrue());
        assertThat(s.only("STAGE").references())
                .singleElement()
                .satisfies(r -> assertThat(r.secret()).isFalse());
        assertThat(s.only("SECURE").references())
                .singleElement()
                .satisfies(r -> assertThat(r.ref().isSsmSecure()).isTrue());
    }

    @Test
    void plaintextSsmParametersAndSecretAttributes() {
        Scanned s =
                function(
                        List.of(
                                "Parameters:",
                                "  DbPassword:",
                                "    Type: AWS::SSM::Parameter::Value<String>"),
                        "DB_PASSWORD: !Ref DbPassword",
                        "SECRET_KEY: !GetAtt Key.SecretAccessKey");
        assertThat(s.only("DB_PASSWORD").pieces())
                .singleElement()
                .isInstanceOfSatisfying(
                        ValueSecrets.SsmParameter.class,
                        p ->
                                assertThat(p.described())
                                        .isEqualTo(
                                                "Parameter DbPassword (type AWS::SSM::Parameter::Value<String>)"));
        assertThat(s.only("SECRET_KEY").pieces())
                .singleElement()
                .isInstanceOfSatisfying(
                        ValueSecrets.SecretAttribute.class,
                        a -> assertThat(a.secret().radius()).isEqualTo(BlastRadius.CRITICAL));
    }

    @Test
    void everyWayTheValueDeploysButNoValue() {
        Scanned s =
                function(
                        List.of("Conditions:", "  Prod: !Equals [a, b]"),
                        "DB_PASSWORD: !If [Prod, Tr0ub4dor&3x, '{{resolve:secretsmanager:dev/db}}']",
                        "API_TOKEN: !If [Prod, !Ref AWS::NoValue, " + TOKEN + "]");
        List<ValueSecrets.Alternative> password = s.variable("DB_PASSWORD");
        assertThat(password).hasSize(2);
        assertThat(namedLiteral(password.get(0))).isPresent();
        assertThat(password.get(1).references()).hasSize(1);
        assertThat(s.variable("API_TOKEN"))
                .singleElement()
                .satisfies(a -> assertThat(a.credentials()).hasSize(1));
    }

    @Test
    void theSameSecretFoundInTwoAlternativesHasOneKey() {
        Scanned s =
                function(
                        List.of(
                                "Parameters:",
                                "  Pw:",
                                "    Type: String",
                                "    Default: Tr0ub4dor&3x",
                                "Conditions:",
                                "  Prod: !Equals [a, b]"),
                        "DB_PASSWORD: !If [Prod, !Ref Pw, !Ref Pw]",
                        "OTHER_PASSWORD: Tr0ub4dor&3x");
        List<ValueSecrets.Alternative> both = s.variable("DB_PASSWORD");
        assertThat(both).hasSize(2);
        String first = namedLiteral(both.get(0)).orElseThrow().key();
        assertThat(namedLiteral(both.get(1)).orElseThrow().key()).isEqualTo(first);
        assertThat(both.get(0).pieces()).extracting(ValueSecrets.Answer::key).doesNotContain(first);
        assertThat(namedLiteral(s.only("OTHER_PASSWORD")).orElseThrow().key()).isNotEqualTo(first);
    }

    @Test
    void whatPointsAtASecretIsLeftAlone() {
        Scanned s =
                function(
                        "DB_PASSWORD: arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf",
                        "DB_SECRET: prod/orders/db-credentials",
                        "API_TOKEN: /prod/orders/api-token",
                        "CONFIG_SHA256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        "API_KEY: AQICAHhQmDc3KEiBF6i7xCHeTFqMFy8VHd3tcTqGHxU2gGNvLQHnbvJ3KDTbLp8G1XdW8wzsAAAAfjB8BgkqhkiG9w0BBwag");
        for (String name :
                List.of("DB_PASSWORD", "DB_SECRET", "API_TOKEN", "CONFIG_SHA256", "API_KEY")) {
            ValueSecrets.Alternative a = s.only(name);
            assertThat(a.credentials()).as(name).isEmpty();
            assertThat(namedLiteral(a)).as(name).isEmpty();
            assertThat(a.throughParameters()).as(name).isEmpty();
        }
    }

    @Test
    void aKnownSecretPropertyTakesAnyLiteralButAStandIn() {
        RuleContext context = scan("Resources:", "  Fn: {Type: AWS::Lambda::Function}").context();
        assertThat(ValueSecrets.isStandIn(context, "hunter2")).isFalse();
        assertThat(ValueSecrets.looksLikeSecretValue(context, "DB_TOKEN", "hunter2")).isFalse();
        assertThat(ValueSecrets.isStandIn(context, "CHANGE_ME")).isTrue();
        assertThat(ValueSecrets.isStandIn(context, "{{resolve:secretsmanager:db}}")).isTrue();
        assertThat(
                        ValueSecrets.isStandIn(
                                context, "arn:aws:secretsmanager:us-east-1:123456789012:secret:db"))
                .isTrue();
    }

    @Test
    void inAPropertyThatHoldsASecretByDefinitionAnyLiteralButAStandInIsOne() {
        Scanned s =
                scan(
                        "Resources:",
                        "  Db:",
                        "    Type: AWS::RDS::DBInstance",
                        "    Properties:",
                        "      MasterUserPassword: hunter2",
                        "  Dev:",
                        "    Type: AWS::RDS::DBInstance",
                        "    Properties:",
                        "      MasterUserPassword: CHANGE_ME");
        ValueSecrets.Alternative db = s.property("Db", "MasterUserPassword").get(0);
        SecretSlices.Slice whole =
                SecretSlices.of(db.rendered(), "MasterUserPassword", false).get(0);
        assertThat(db.literalIn(whole)).map(ValueSecrets.Literal::text).hasValue("hunter2");
        // Behind a name alone: a password name takes a chosen value, a token name only a
        // random-looking one.
        assertThat(db.literalUnder("MasterUserPassword")).isPresent();
        assertThat(db.literalUnder("DB_TOKEN")).isEmpty();
        ValueSecrets.Alternative dev = s.property("Dev", "MasterUserPassword").get(0);
        assertThat(
                        dev.literalIn(
                                SecretSlices.of(dev.rendered(), "MasterUserPassword", false)
                                        .get(0)))
                .isEmpty();
    }

    @Test
    void aValueLongerThanAnyEnvironmentIsDataNotASecret() {
        String generated =
                dev.cfnsecrets.secrets.Entropy.class.getSimpleName()
                        + "9fQ2xLk0vR7pZ3mN".repeat(300);
        RuleContext context = scan("Resources:", "  Fn: {Type: AWS::Lambda::Function}").context();
        assertThat(
                        ValueSecrets.looksLikeSecretValue(
                                context, "API_TOKEN", generated.substring(0, 4096)))
                .isTrue();
        assertThat(ValueSecrets.looksLikeSecretValue(context, "API_TOKEN", generated)).isFalse();
    }

    @Test
    void jsonKeysOfSecretsManagerReferences() {
        assertThat(ValueSecrets.jsonKey("prod/db:SecretString:password")).isEqualTo("password");
        assertThat(ValueSecrets.jsonKey("prod/db")).isEmpty();
        assertThat(ValueSecrets.jsonKey("prod/db::password")).isEqualTo("password");
        assertThat(
                        ValueSecrets.jsonKey(
                                "arn:aws:secretsmanager:us-west-2:123456789012:secret:MySecret-a1b2c3:SecretString:pw"))
                .isEqualTo("pw");
        assertThat(
                        ValueSecrets.jsonKey(
                                "arn:aws:secretsmanager:us-west-2:123456789012:secret:MySecret-a1b2c3"))
                .isEmpty();
        assertThat(ValueSecrets.ssmName("/orders/prod/db-password:3")).isEqualTo("db-password");
    }
}
