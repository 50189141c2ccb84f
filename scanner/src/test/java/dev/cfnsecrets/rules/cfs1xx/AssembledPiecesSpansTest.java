package dev.cfnsecrets.rules.cfs1xx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fixtures of secrets assembled from pieces (a URL's password before an unknown host, a
 * variable map's entry, Join pieces, Select, If branches, every Mapping candidate, Defaults): each
 * finding's exact span, and after {@code @} the exact span of the related location where a piece
 * written elsewhere (a Mapping entry, a Default) holds the secret — the fixtures' marks check lines
 * only.
 */
class AssembledPiecesSpansTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "cfs101-credential-in-env/assembled-pieces.yaml | CFS110 33:3-33:5,"
                        + " CFS203 41:9-41:18, CFS101 42:38-42:50, CFS101 43:52-43:66,"
                        + " CFS101 46:24-46:39, CFS101 50:28-50:42, CFS101 52:51-52:63,"
                        + " CFS101 56:45-56:59, CFS101 62:31-62:45, CFS101 62:49-62:63,"
                        + " CFS101 65:25-68:11 @24:11-24:27, CFS101 65:25-68:11 @26:11-26:27,"
                        + " CFS101 68:25-68:73 @18:14-18:30, CFS101 69:52-69:66, CFS101 102:64-102:78,"
                        + " CFS106 104:28-104:53",
                "cfs102-secret-named-literal/every-candidate.yaml | CFS108 9:3-9:20,"
                        + " CFS108 13:3-13:19, CFS110 28:3-28:5,"
                        + " CFS102 37:24-37:56 @21:15-21:33, CFS102 37:24-37:56 @22:16-22:34,"
                        + " CFS102 38:27-38:86 @12:14-12:28, CFS102 38:27-38:86 @16:14-16:28",
                "cfs107-outputs-metadata/assembled-pieces.yaml | CFS107 12:31-12:43,"
                        + " CFS107 16:25-16:39",
                "cfs111-secret-properties/assembled-pieces.yaml | CFS111 15:60-15:74,"
                        + " CFS111 26:26-26:42",
            })
    void eachSecretIsReportedOnceAtItsPiece(String fixture, String spans) throws IOException {
        assertThat(FixtureSpans.of(fixture, true)).containsExactlyInAnyOrder(spans.split(",\\s*"));
    }
}
