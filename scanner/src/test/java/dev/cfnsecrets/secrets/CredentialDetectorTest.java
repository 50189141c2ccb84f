package dev.cfnsecrets.secrets;

import static dev.cfnsecrets.secrets.Fake.ALNUM;
import static dev.cfnsecrets.secrets.Fake.BASE64;
import static dev.cfnsecrets.secrets.Fake.DIGITS;
import static dev.cfnsecrets.secrets.Fake.HEX;
import static dev.cfnsecrets.secrets.Fake.LOWER;
import static dev.cfnsecrets.secrets.Fake.UPPER;
import static dev.cfnsecrets.secrets.Fake.URLSAFE;
import static dev.cfnsecrets.secrets.Fake.random;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CredentialDetectorTest {

    private static List<String> kinds(String text) {
        return CredentialDetector.find(text).stream().map(m -> m.kind().id()).toList();
    }

    /**
     * Each known format: a credential it must find (kind id, radius) and a near miss it must not.
     */
    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of(
                        "github-token",
                        "ghp_" + random(ALNUM, 36),
                        "ghp_" + random(ALNUM, 30),
                        BlastRadius.CRITICAL),
                Arguments.of(
                        "github-token",
                        "gho_" + random(ALNUM, 36),
                        "gha_" + random(ALNUM, 36),
                        BlastRadius.CRITICAL),
                Arguments.of(
                        "github-token",
                        "github_pat_" + random(ALNUM, 22) + "_" + random(ALNUM, 59),
                        "github_pat_" + random(ALNUM, 22),
                        BlastRadius.CRITICAL),
                Arguments.of(
                        "gitlab-token",
                        "glpat-" + random(URLSAFE, 20),
                        "glpat-" + random(URLSAFE, 12),
                        BlastRadius.CRITICAL),
                Arguments.of(
                        "npm-token",
                        "npm_" + random(ALNUM, 36),
                        "npm_install_" + random(LOWER, 10),
                        BlastRadius.CRITICAL),
                Arguments.of(
                        "pypi-token",
                        "pypi-AgEIcHlwaS5vcmc" + random(URLSAFE, 60),
                        "pypi-" + random(ALNUM, 40),
                        BlastRadius.CRITICAL),
                Arguments.of(
                        "stripe-live-key",
                        "sk_live_" + random(ALNUM, 24),
                        "pk_live_" + random(ALNUM, 24),
                        BlastRadius.CRITICAL),
                Arguments.of(
                        "stripe-live-key",
                        "rk_live_" + random(ALNUM, 40),
                        "sk_live_" + random(ALNUM, 10),
                        BlastRadius.CRITICAL),
                Arguments.of(
                        "stripe-test-key",
                        "sk_test_" + random(ALNUM, 24),
                        "pk_test_" + random(ALNUM, 24),
                        BlastRadius.LOW),
                Arguments.of(
                        "square-token",
                        "sq0atp-" + random(URLSAFE, 22),
                        "sq0xyz-" + random(URLSAFE, 22),
                        BlastRadius.CRITICAL),
                Arguments.of(
                        "digitalocean-token",
                        "dop_v1_" + random(HEX, 64),
                        "dop_v1_" + random(HEX, 40),
                        BlastRadius.CRITICAL),
                Arguments.of(
                        "azure-storage-key",
                        "DefaultEndpointsProtocol=https;AccountName=x;AccountKey="
                                + random(BASE64, 86)
                                + "==",
                        "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=",
                        BlastRadius.CRITICAL),
                Arguments.of(
                        "slack-token",
                        "xoxb-"
                                + random(DIGITS, 12)
                                + "-"
                                + random(DIGITS, 12)
                                + "-"
                                + random(ALNUM, 24),
                        "xoxb-not-a-token",
                        BlastRadius.HIGH),
                Arguments.of(
                        "slack-webhook",
                        "https://hooks.slack.com/services/T"
                                + random(UPPER + DIGITS, 8)
                                + "/B"
                                + random(UPPER + DIGITS, 8)
                                + "/"
                                + random(ALNUM, 24),
                        "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
                        BlastRadius.HIGH),
                Arguments.of(
                        "teams-webhook",
                        "https://contoso.webhook.office.com/webhookb2/"
                                + uuid(1)
                                + "@"
                                + uuid(2)
                                + "/IncomingWebhook/"
                                + random(HEX, 32)
                                + "/"
                                + uuid(3),
                        "https://contoso.webhook.office.com/webhookb2/",
                        BlastRadius.HIGH),
                Arguments.of(
                        "discord-webhook",
                        "https://discord.com/api/webhooks/"
                                + random(DIGITS, 18)
                                + "/"
                                + random(URLSAFE, 68),
                        "https://discord.com/api/webhooks/",
                        BlastRadius.HIGH),
                Arguments.of(
                        "sendgrid-key",
                        "SG." + random(URLSAFE, 22) + "." + random(URLSAFE, 43),
                        "SG.short.key",
                        BlastRadius.HIGH),
                Arguments.of(
                        "twilio-key",
                        "SK" + random(HEX, 32),
                        "SK" + random(HEX, 20),
                        BlastRadius.HIGH),
                Arguments.of(
                        "google-api-key",
                        "AIza" + random(URLSAFE, 35),
                        "AIza" + random(URLSAFE, 20),
                        BlastRadius.HIGH),
                Arguments.of(
                        "google-oauth-secret",
                        "GOCSPX-" + random(URLSAFE, 28),
                        "GOCSPX-" + random(URLSAFE, 10),
                        BlastRadius.HIGH),
                Arguments.of(
                        "openai-key",
                        "sk-proj-" + random(ALNUM, 30) + "T3BlbkFJ" + random(ALNUM, 30),
                        "sk-" + random(ALNUM, 30),
                        BlastRadius.HIGH),
                Arguments.of(
                        "anthropic-key",
                        "sk-ant-api03-" + random(URLSAFE, 93),
                        "sk-ant-" + random(ALNUM, 20),
                        BlastRadius.HIGH),
                Arguments.of(
                        "huggingface-token",
                        "hf_" + random(UPPER + LOWER, 34),
                        "hf_" + random(LOWER, 10),
                        BlastRadius.HIGH),
                Arguments.of(
                        "shopify-token",
                        "shpat_" + random(HEX, 32),
                        "shpat_" + random(HEX, 16),
                        BlastRadius.HIGH),
                Arguments.of(
                        "mailgun-key",
                        "key-" + random(HEX, 32),
                        "key-rotation-enabled",
                        BlastRadius.HIGH),
                Arguments.of(
                        "mailchimp-key",
                        random(HEX, 32) + "-us14",
                        random(HEX, 32),
                        BlastRadius.HIGH),
                Arguments.of(
                        "telegram-bot-token",
                        random(DIGITS, 9) + ":AA" + random(URLSAFE, 33),
                        "12:30",
                        BlastRadius.HIGH),
                Arguments.of(
                        "newrelic-user-key",
                        "NRAK-" + random(UPPER + DIGITS, 27),
                        "NRAK-SHORT",
                        BlastRadius.HIGH),
                Arguments.of(
                        "newrelic-license-key",
                        random(HEX, 36) + "NRAL",
                        random(HEX, 40),
                        BlastRadius.LOW),
                Arguments.of(
                        "aws-access-key-id",
                        Fake.awsKeyId(),
                        "AKIAIOSFODNN7EXAMPLE",
                        BlastRadius.CRITICAL),
                Arguments.of(
                        "aws-access-key-id",
                        "ASIA" + random(Fake.BASE32, 16, 3),
                        "AKIAXXXXXXXXXXXXXXXX",
                        BlastRadius.CRITICAL),
                Arguments.of(
                        "private-key",
                        Fake.pem("RSA PRIVATE KEY", "\n"),
                        "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
                        BlastRadius.CRITICAL),
                Arguments.of(
                        "private-key",
                        Fake.pem("PRIVATE KEY", "\\n"),
                        Fake.pem("PUBLIC KEY", "\n"),
                        BlastRadius.CRITICAL),
                Arguments.of(
                        "private-key",
                        Fake.pem("OPENSSH PRIVATE KEY", "\n"),
                        Fake.pem("CERTIFICATE", "\n"),
                        BlastRadius.CRITICAL),
                Arguments.of(
                        "private-key",
                        Fake.pem("EC PRIVATE KEY", "\n"),
                        "-----BEGIN EC PRIVATE KEY-----\nXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n-----END EC PRIVATE KEY-----",
                        BlastRadius.CRITICAL),
                Arguments.of(
                        "private-key",
                        Fake.pem("PGP PRIVATE KEY BLOCK", "\n"),
                        "-----BEGIN PGP PUBLIC KEY BLOCK-----",
                        BlastRadius.CRITICAL),
                Arguments.of(
                        "private-key",
                        Fake.pem("DSA PRIVATE KEY", "\r\n"),
                        "BEGIN DSA PRIVATE KEY",
                        BlastRadius.CRITICAL),
                Arguments.of(
                        "private-key",
                        Fake.pem("ENCRYPTED PRIVATE KEY", "\n"),
                        "-----BEGIN ENCRYPTED PRIVATE KEY-----",
                        BlastRadius.CRITICAL),
                Arguments.of(
                        "url-password",
                        "postgres://app:" + random(ALNUM, 16) + "@db.internal:5432/app",
                        "postgres://app:${DbPassword}@db.internal:5432/app",
                        BlastRadius.HIGH),
                Arguments.of(
                        "url-password",
                        "https://bob:sekret@example.invalid/some/path",
                        "https://bob@example.invalid/some/path",
                        BlastRadius.HIGH),
                Arguments.of(
                        "connection-string-password",
                        "Server=db.internal;Database=app;User Id=app;Password="
                                + random(ALNUM, 14)
                                + ";",
                        "Server=db.internal;Database=app;User Id=app;Password=<password>;",
                        BlastRadius.HIGH),
                Arguments.of(
                        "jwt",
                        Fake.jwt("{\"sub\":\"1234567890\",\"name\":\"svc\",\"iat\":1516239022}"),
                        "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjM0NTY3ODkwIn0.",
                        BlastRadius.HIGH),
                Arguments.of(
                        "jwt",
                        Fake.jwt("{\"iss\":\"supabase\",\"role\":\"anon\",\"iat\":1516239022}"),
                        "eyJ"
                                + random(URLSAFE, 30)
                                + ".eyJ"
                                + random(URLSAFE, 30)
                                + "."
                                + random(URLSAFE, 30),
                        BlastRadius.LOW));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("formats")
    void findsEachFormatAndNotItsNearMiss(
            String kind, String credential, String nearMiss, BlastRadius radius) {
        List<CredentialMatch> found = CredentialDetector.find("value: " + credential + " ;");
        assertThat(found).extracting(m -> m.kind().id()).containsExactly(kind);
        assertThat(found.get(0).kind().blastRadius()).isEqualTo(radius);
        assertThat(credential).contains(found.get(0).secret());
        assertThat(kinds(nearMiss)).as("near miss %s", nearMiss).doesNotContain(kind);
    }

    /**
     * The quick check before each pattern finds its anchor at either end and past any character.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("formats")
    void findsEachFormatAtEitherEndOfTheTextAndAfterAnyCharacter(
            String kind, String credential, String nearMiss, BlastRadius radius) {
        for (String text : List.of(credential, "ü\n" + credential, "日本 " + credential + "\n")) {
            assertThat(kinds(text)).as(text).containsExactly(kind);
        }
    }

    @Test
    void reportsWhereTheCredentialIs() {
        String key = Fake.awsKeyId();
        String text = "id=" + key + ",";
        CredentialMatch m = CredentialDetector.find(text).get(0);
        assertThat(text.substring(m.start(), m.end())).isEqualTo(key);
        assertThat(m.secret()).isEqualTo(key);
    }

    @Test
    void urlPasswordSecretIsThePasswordOnly() {
        CredentialMatch m =
                CredentialDetector.find("mysql://root:" + "s3cr3tPassw0rd" + "@db:3306/x").get(0);
        assertThat(m.secret()).isEqualTo("s3cr3tPassw0rd");
    }

    /** What a rendered value puts for a piece known only at deploy time. */
    private static final String GAP = "\u0000";

    @Test
    void urlPasswordBeforeAnUnknownHostOrAfterAnUnknownUser() {
        assertThat(CredentialDetector.find("mysql://shop:Tr0ub4dor3xq@" + GAP + "/shop"))
                .extracting(CredentialMatch::secret)
                .containsExactly("Tr0ub4dor3xq");
        assertThat(CredentialDetector.find("amqps://svc:Pq4kZ8wN2xLm7Rt@" + GAP + ":5671"))
                .extracting(CredentialMatch::secret)
                .containsExactly("Pq4kZ8wN2xLm7Rt");
        assertThat(CredentialDetector.find("postgres://" + GAP + ":Zx8Vb2Nm5Lk9Qw@db/app"))
                .extracting(CredentialMatch::secret)
                .containsExactly("Zx8Vb2Nm5Lk9Qw");
    }

    @Test
    void anUnknownOrPlaceholderPasswordBeforeAnUnknownHostIsNoCredential() {
        for (String text :
                List.of(
                        "mysql://shop:" + GAP + "@" + GAP + "/shop",
                        "mysql://shop:" + GAP + "xq@" + GAP + "/shop",
                        "postgres://" + GAP + ":" + GAP + "@" + GAP,
                        "mysql://shop:password@" + GAP + "/shop",
                        "mysql://shop:<pw>@" + GAP + "/shop",
                        "mysql://shop:${Password}@" + GAP + "/shop",
                        "admin@" + GAP,
                        "mailto:ops@" + GAP,
                        "git@github.com:" + GAP + "/app.git",
                        "ssh://git@" + GAP + ":22/app.git",
                        "arn:aws:iam::" + GAP + ":user/ci@" + GAP)) {
            assertThat(CredentialDetector.find(text)).as(text.replace(GAP, "${…}")).isEmpty();
        }
    }

    @Test
    void documentationExamplesAreNotCredentials() {
        assertThat(CredentialDetector.find("AKIAIOSFODNN7EXAMPLE")).isEmpty();
        assertThat(
                        CredentialDetector.find(
                                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                                new CredentialDetector.Context("AWS_SECRET_ACCESS_KEY", true)))
                .isEmpty();
        assertThat(CredentialDetector.find("AKIAAAAAAAAAAAAAAAAA"))
                .as("one repeated character")
                .isEmpty();
    }

    @Test
    void awsSecretKeyNeedsContext() {
        String secret = Fake.awsSecretKey();
        assertThat(CredentialDetector.find(secret)).as("40 characters alone").isEmpty();
        assertThat(kinds(secret + " " + Fake.awsKeyId()))
                .contains("aws-secret-access-key", "aws-access-key-id");
        assertThat(
                        CredentialDetector.find(
                                secret,
                                new CredentialDetector.Context("AWS_SECRET_ACCESS_KEY", false)))
                .extracting(m -> m.kind().id())
                .containsExactly("aws-secret-access-key");
        assertThat(CredentialDetector.find(secret, new CredentialDetector.Context("DATA", true)))
                .extracting(m -> m.kind().id())
                .containsExactly("aws-secret-access-key");
        assertThat(kinds("[default]\naws_secret_access_key = " + secret + "\n"))
                .containsExactly("aws-secret-access-key");
    }

    @Test
    void theQuickChecksBeforeEachPatternLetEveryWrittenFormThrough() {
        String secret = Fake.awsSecretKey();
        // The inline form in any case of "aws", as the pattern matches it, and at its least length.
        assertThat(kinds("AWS_SECRET_ACCESS_KEY=" + secret))
                .containsExactly("aws-secret-access-key");
        assertThat(kinds("Aws-Sk: " + secret)).containsExactly("aws-secret-access-key");
        assertThat(kinds("awssk:" + secret)).containsExactly("aws-secret-access-key");
        assertThat(kinds("wsk:" + secret)).as("no aws").isEmpty();
        // A key id alone, of exactly its length, and one under each prefix the pattern knows.
        String id = Fake.awsKeyId();
        assertThat(kinds(id)).containsExactly("aws-access-key-id");
        assertThat(kinds("ASIA" + id.substring(4))).containsExactly("aws-access-key-id");
        assertThat(kinds("A3TX" + id.substring(4))).containsExactly("aws-access-key-id");
        assertThat(kinds(id.substring(1))).as("one short").isEmpty();
        // A key id found in the text gives its 40-character neighbour without a context.
        assertThat(kinds(id + " " + secret))
                .containsExactlyInAnyOrder("aws-access-key-id", "aws-secret-access-key");
    }

    @Test
    void fortyCharactersThatAreNotKeysStayQuietEvenWithContext() {
        CredentialDetector.Context context =
                new CredentialDetector.Context("AWS_SECRET_ACCESS_KEY", true);
        assertThat(CredentialDetector.find("1234567890123456789012345678901234567890", context))
                .as("digits")
                .isEmpty();
        assertThat(CredentialDetector.find(random(HEX, 40), context)).as("a sha1 digest").isEmpty();
        assertThat(CredentialDetector.find("1234567890123456789012345678901234567890$")).isEmpty();
        assertThat(
                        CredentialDetector.find(
                                "handler.handlerverylongcustomhandlernameforservi", context))
                .isEmpty();
    }

    @Test
    void placeholdersInUrlsAndConnectionStringsAreNotPasswords() {
        assertThat(CredentialDetector.find("postgres://user:password@localhost/db")).isEmpty();
        assertThat(CredentialDetector.find("mongodb://admin:****@cluster0.example.net")).isEmpty();
        assertThat(CredentialDetector.find("redis://:%s@host:6379")).isEmpty();
        assertThat(CredentialDetector.find("amqp://guest:guest@localhost"))
                .as("user equals password: a default")
                .isEmpty();
        assertThat(CredentialDetector.find("Password=abc"))
                .as("no connection string around it")
                .isEmpty();
        assertThat(CredentialDetector.find("postgres://app:\u0000@db:5432/app"))
                .as("unknown part")
                .isEmpty();
    }

    @Test
    void findsSeveralCredentialsInOneText() {
        String text =
                "-e GH="
                        + "ghp_"
                        + random(ALNUM, 36)
                        + " -e SG=SG."
                        + random(URLSAFE, 22)
                        + "."
                        + random(URLSAFE, 43);
        assertThat(kinds(text)).containsExactly("github-token", "sendgrid-key");
    }

    @Test
    void aUrlHoldingATokenIsOneFinding() {
        String url =
                "https://hooks.slack.com/services/T"
                        + random(UPPER + DIGITS, 8)
                        + "/B"
                        + random(UPPER + DIGITS, 8)
                        + "/"
                        + random(ALNUM, 24);
        assertThat(CredentialDetector.find(url)).hasSize(1);
    }

    @Test
    void hashesUuidsAndKmsBlobsAreNotCredentials() {
        assertThat(CredentialDetector.find(random(HEX, 64))).isEmpty();
        assertThat(CredentialDetector.find(uuid(9))).isEmpty();
        assertThat(CredentialDetector.find("AQICAHh" + random(BASE64, 200) + "==")).isEmpty();
        assertThat(
                        CredentialDetector.find(
                                "git.commit.sha:55e7e7703f17c41f276caf8f1a1b744d674259f8"))
                .isEmpty();
    }

    static String uuid(long seed) {
        String h = random(HEX, 32, seed);
        return h.substring(0, 8)
                + "-"
                + h.substring(8, 12)
                + "-"
                + h.substring(12, 16)
                + "-"
                + h.substring(16, 20)
                + "-"
                + h.substring(20);
    }
}
