package dev.cfnsecrets.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RedactorTest {
    private final Redactor redactor = new Redactor(false);

    @Test
    void masksKeepTheKnownPrefixAndTheLength() {
        assertThat(redactor.mask("sk_live_" + "a".repeat(24))).isEqualTo("sk_live_…(32 chars)");
        assertThat(redactor.mask(ReportFixtures.GITHUB_TOKEN)).isEqualTo("ghp_…(40 chars)");
        assertThat(redactor.mask(ReportFixtures.AWS_KEY_ID)).isEqualTo("AKIA…(20 chars)");
        assertThat(redactor.mask("github_pat_11ABCDEFG0123456789"))
                .isEqualTo("github_pat_…(30 chars)");
        assertThat(redactor.mask("glpat-abcdefghij0123456789")).isEqualTo("glpat-…(26 chars)");
        assertThat(redactor.mask("xoxb-1234-5678-abcdefgh")).isEqualTo("xoxb-…(23 chars)");
        assertThat(redactor.mask("SG.abcdefghijkl.mnopqrstuvwx")).isEqualTo("SG.…(28 chars)");
    }

    @Test
    void unknownValuesKeepNoCharacterAtAll() {
        assertThat(redactor.mask("correct-horse-battery")).isEqualTo("…(21 chars)");
        assertThat(redactor.mask("hunter22")).isEqualTo("…(8 chars)");
        assertThat(redactor.mask("pässwörd-geheim")).isEqualTo("…(15 chars)");
    }

    @Test
    @Timeout(30) // a hang guard: a regex over this secret once took minutes to compile
    void longRepetitiveSecretsAreRedactedByPlainSearch() {
        String secret = "ab".repeat(500_000) + "c";
        String cleaned = redactor.clean("x=" + secret + ";y=" + secret, List.of(secret, "abab"));
        assertThat(cleaned).isEqualTo("x=…(1000001 chars);y=…(1000001 chars)");
    }

    /**
     * Many secrets, some sharing their first characters, some shorter than the characters the
     * search indexes them by: each occurrence is masked, the longest at a position wins.
     */
    @Test
    void manySecretsAreEachMaskedInOnePass() {
        List<String> secrets = new java.util.ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            String secret = String.format("tok%05d", i);
            secrets.add(secret);
            text.append("k").append(i).append('=').append(secret).append(';');
        }
        secrets.add("tok00001" + "LONGER");
        secrets.add("ab");
        text.append("x=tok00001LONGER;y=ab;z=a");
        String cleaned = redactor.clean(text.toString(), secrets);
        assertThat(cleaned).doesNotContain("tok");
        assertThat(cleaned).startsWith("k0=…(8 chars);k1=…(8 chars);k2=…(8 chars);");
        assertThat(cleaned).endsWith("x=…(14 chars);y=…(2 chars);z=a");
    }

    @Test
    void privateKeysKeepTheirPemHeaderOnly() {
        String key =
                "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx4mpl3\n-----END RSA PRIVATE KEY-----";
        assertThat(redactor.mask(key))
                .isEqualTo("-----BEGIN RSA PRIVATE KEY-----…(" + key.length() + " chars)");
    }

    @Test
    void cleanReplacesEveryOccurrenceOfEverySecret() {
        String text =
                "a="
                        + ReportFixtures.GITHUB_TOKEN
                        + " b="
                        + ReportFixtures.AWS_KEY_ID
                        + " again "
                        + ReportFixtures.GITHUB_TOKEN;
        String cleaned =
                redactor.clean(
                        text, List.of(ReportFixtures.AWS_KEY_ID, ReportFixtures.GITHUB_TOKEN));
        assertThat(cleaned).isEqualTo("a=ghp_…(40 chars) b=AKIA…(20 chars) again ghp_…(40 chars)");
    }

    @Test
    void longerSecretsWinOverSecretsInsideThem() {
        String password = "s3cr3t-passw0rd";
        String url = "postgres://admin:" + password + "@db.example.com/app";
        String cleaned =
                redactor.clean("DATABASE_URL=" + url + " and " + password, List.of(password, url));
        assertThat(cleaned)
                .isEqualTo("DATABASE_URL=…(" + url.length() + " chars) and …(15 chars)")
                .doesNotContain(password);
    }

    @Test
    void multiLineSecretsAreAlsoHiddenLineByLine() {
        String body = "MIIEowIBAAKCAQEAx4mpl3BodyOfTheKey";
        String key =
                "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----\n";
        assertThat(redactor.clean("        " + body, List.of(key)))
                .isEqualTo("        …(34 chars)");
    }

    @Test
    void showSecretsLeavesTextAlone() {
        String text = "token " + ReportFixtures.GITHUB_TOKEN;
        assertThat(new Redactor(true).clean(text, List.of(ReportFixtures.GITHUB_TOKEN)))
                .isEqualTo(text);
        assertThat(new Redactor(true).showsSecrets()).isTrue();
    }

    @Test
    void nothingToHideLeavesTextAlone() {
        assertThat(redactor.clean("plain text", List.of())).isEqualTo("plain text");
        assertThat(redactor.clean("plain text", List.of(""))).isEqualTo("plain text");
    }

    @Test
    void redactionMovesOffsetsOntoTheMasks() {
        String line = "  KEY: " + ReportFixtures.GITHUB_TOKEN + " # tail";
        Redactor.Redaction r = redactor.redact(line, List.of(ReportFixtures.GITHUB_TOKEN));
        int secretStart = 7;
        int secretEnd = secretStart + ReportFixtures.GITHUB_TOKEN.length();
        assertThat(r.text()).isEqualTo("  KEY: ghp_…(40 chars) # tail");
        assertThat(r.startOffset(2)).isEqualTo(2);
        assertThat(r.startOffset(secretStart)).isEqualTo(7);
        assertThat(r.endOffset(secretEnd)).isEqualTo(7 + "ghp_…(40 chars)".length());
        // An offset inside the secret lands on the mask's edge, never inside it.
        assertThat(r.startOffset(secretStart + 10)).isEqualTo(7);
        assertThat(r.endOffset(secretStart + 10)).isEqualTo(7 + "ghp_…(40 chars)".length());
        assertThat(r.startOffset(line.length())).isEqualTo(r.text().length());
    }
}
