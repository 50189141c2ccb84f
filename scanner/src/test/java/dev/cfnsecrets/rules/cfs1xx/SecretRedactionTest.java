package dev.cfnsecrets.rules.cfs1xx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.Fixtures;
import dev.cfnsecrets.report.Format;
import dev.cfnsecrets.report.ReportFixtures;
import dev.cfnsecrets.report.Reporters;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A scan of the CFS1 fixtures, written in every output format, holds none of the secrets planted in
 * them: reports are shared and must not spread what they warn about.
 */
class SecretRedactionTest {
    /**
     * Every credential and secret-looking value written into fixtures/cfs1xx (made up, valid for
     * nothing).
     */
    private static final List<String> PLANTED =
            List.of(
                    "ghp_HdaeyQl62PbUM9biY2EWa5S02kgVDIp4tlQI",
                    "ghp_58g5TlsjE44ppXQCalk3NdDl1eQTNFRIOo2m",
                    "npm_veQ8Tr2TM6mvtTFz6f4Ug70o2l2LD3SyxcUj",
                    "https://hooks.slack.com/services/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",
                    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtb3JkZXJzIiwiaWF0IjoxNzE2MDAwMDAwfQ."
                            + "rPnDpTVSQqdQxErzLSgUjxBkSvB9TWTdVwn4pTBjbLs",
                    "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",
                    "AIzaMUCQeHr9iCO6Q90-OoFE_VkC1cXe3wpf5tm",
                    "glpat-r97gkiXC2Fpwm2x8ViYm",
                    "xoxb-828713385427-5639518008611-RfUnn9CD7ZQF81N3zU8QxlL6",
                    "sk_test_A44EYK8zt0YcW0JPWVsSIDaQ",
                    "sk_live_Me43FHOsJZq1sSiVmGkiXu9w",
                    "AKIAVZD2SJSGQU3BENOY",
                    "AKIA26MUF3OPRY27YLJE",
                    "qw0grbXxgXdxS7p+Lu/Zjz47MD2ZRVcTdoH80AvC",
                    "yuynWjo96MGdDMoYsoIPqd1oJLxpLnrHpdw5CO6nY4YiMUwq9RxXaPSuq1Wu1P8J",
                    "HvKbKfttElR+5zHoCZi036tnH18gOAR99LmllduTkDwQoeCwzmOfF/PtSIJumC6s",
                    "Tr0ub4dor3x",
                    "Tr0ub4dor&3x",
                    "C0rrectH0rse!9",
                    "22Y4SWWkGsgSxLhzayGb",
                    "PYl0JN2SPPPfDm5rfixIhE0I",
                    "e443aaf8bd7a1e769183af7d6558cc2c",
                    "ghp_R8mK2xQ7vN4pL9wT3zY6bJ1cF5hD0sA2gE7u",
                    "Tr0ub4dor-77x",
                    "Xk29fLq8Zp0Wm3Tb7Rv",
                    "hy4nc8qe2wz6lp9vs3kt",
                    "vb6tn1rk8wq3zm5hp2lx",
                    "mz7kq2vw9rt4xn6bp1hd",
                    // Secrets assembled from pieces (assembled-pieces.yaml).
                    "Tr0ub4dor3xq",
                    "Zx8Vb2Nm5Lk9Qw",
                    "Pq4kZ8wN2xLm7Rt",
                    "Kf3Np8Qs1Vx6Zb",
                    "Zx8Vb2Nm5Lk9",
                    "Mn4Bv7Cx2Zl0Kq",
                    "Jr6Wd2Ke9Tp4Ym",
                    "Gb8Sx3Nc7Lh1Qa",
                    "Vc5Xz8Lq2Wm7Rk",
                    "Rq7Lm3Xc9Vb2Nz",
                    "Hk2Vn8Rx5Qw3Ls",
                    "Yd3Km8Pw5Zx1Qt7v",
                    "Bq2Xw7Lp4Mz9Tc",
                    // secrets inside structured values (structured-values.yaml)
                    "Lk3Jh7Gf2Ds9Aq",
                    "Vb6Nm3Kl9Jh2Gf",
                    "Xc4Vb7Nm1Qw5Er9T",
                    "Ty6Gh1Bn8Mk3Lp",
                    "Rt5Yu8Io2Pa6Sd",
                    "Qw7%21Er4Ty1Ui9Op",
                    "Zx5Cv8;Bn2Mq4Wp",
                    "c3ZjOlBxN1dtMlhyOVR6NEti",
                    "Ws2Ed4Rf6Tg8Yh",
                    "Hn3Jm8Kp2Lq5Rs",
                    "Fg5Hj8Kl2Zx4Cv",
                    "Op9Iu4Yt7Re2Wq",
                    // generic webhook URLs (generic-webhooks.yaml)
                    "https://ops.acme-corp.io/webhook/a8f3k29dk3l0s9d8f7g6h5j4",
                    "https://hooks.zapier.com/hooks/catch/1234567/Xk9Lm2Qp7Rs4Tv8W/",
                    "Qm4Zx8Vn2Lk6Hj9D");

    private static ScanResult result;

    @BeforeAll
    static void scanFixtures() {
        ScanOptions cfs1 = ScanOptions.DEFAULT.withRules(List.of("CFS1"), List.of());
        result =
                BuiltInRules.scanner(cfs1)
                        .scan(
                                List.of(Fixtures.root().resolve("cfs1xx").toString()),
                                InputStream::nullInputStream);
    }

    private static String render(Format format, boolean showSecrets) {
        return ReportFixtures.render(Reporters.of(format, showSecrets, false), result);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void noFormatPrintsAPlantedSecret(Format format) {
        String report = render(format, false);
        for (String secret : PLANTED) {
            assertThat(report).as("%s report", format).doesNotContain(secret);
        }
    }

    @Test
    void theTextReportShowsTheLinesWithTheSecretsMasked() {
        assertThat(render(Format.TEXT, false))
                .contains(
                        "ghp_…(40 chars)",
                        "sk_live_…(32 chars)",
                        "AKIA…(20 chars)",
                        "-----BEGIN RSA PRIVATE KEY-----…");
    }

    @Test
    void theTextReportWouldShowThemUnredacted() {
        // The control: the same report with --show-secrets carries every planted value (in its
        // source
        // lines), so the tests above look at text that really holds the secrets.
        String report = render(Format.TEXT, true);
        for (String secret : PLANTED) {
            assertThat(report).as("unredacted text report").contains(secret);
        }
    }
}
