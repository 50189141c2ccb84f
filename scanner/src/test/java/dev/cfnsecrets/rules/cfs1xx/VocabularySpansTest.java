package dev.cfnsecrets.rules.cfs1xx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fixtures of the webhook names, the public-by-design values, the API key, EventBridge
 * connection and Amazon MQ properties and the secrets inside structured values: each finding's
 * exact span (the fixtures' marks check lines only).
 */
class VocabularySpansTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "cfs108-parameters/webhooks.yaml | CFS108 7:3-7:18, CFS108 9:3-9:15,"
                        + " CFS108 11:3-11:13, CFS108 14:3-14:15, CFS110 30:3-30:11,"
                        + " CFS103 40:30-40:50, CFS103 41:27-41:44, CFS101 42:21-42:36,"
                        + " CFS101 43:22-43:39, CFS103 44:27-44:45",
                "cfs101-credential-in-env/webhooks.yaml | CFS110 5:3-5:11, CFS101 15:30-15:107,"
                        + " CFS101 16:28-16:148, CFS101 17:27-17:231, CFS101 18:21-18:98",
                "cfs102-secret-named-literal/public-by-design.yaml | CFS110 6:3-6:11,"
                        + " CFS102 33:24-33:38",
                "cfs111-secret-properties/api-keys-and-connections.yaml | CFS108 9:3-9:19,"
                        + " CFS111 16:14-16:38, CFS111 20:14-20:35, CFS111 33:24-33:48,"
                        + " CFS111 37:22-37:50, CFS111 52:21-52:33, CFS111 70:24-70:52,"
                        + " CFS111 82:27-82:51, CFS111 95:21-95:35",
                // A secret inside a structured value is reported at the inner value's columns: in
                // a JSON document (the password that repeats the user's text, JSON escapes in a
                // YAML double-quoted scalar, a Fn::Sub piece), a query string, a connection
                // string, a Basic header's base64, a block scalar's line.
                "cfs101-credential-in-env/structured-values.yaml | CFS110 7:3-7:9,"
                        + " CFS101 17:66-17:80, CFS101 18:56-18:70, CFS101 19:37-19:53,"
                        + " CFS101 20:55-20:69, CFS101 21:32-21:46, CFS101 22:79-22:96,"
                        + " CFS101 23:64-23:79, CFS101 24:40-24:64, CFS101 27:25-27:39,"
                        + " CFS101 32:26-32:40, CFS101 35:84-35:98, CFS106 36:35-36:91,"
                        + " CFS107 53:50-53:64",
                "cfs102-secret-named-literal/generic-webhooks.yaml | CFS108 7:3-7:15,"
                        + " CFS110 16:3-16:11, CFS102 26:21-26:78, CFS102 27:31-27:93,"
                        + " CFS101 28:89-28:105, CFS102 29:28-29:45",
            })
    void findingsStartAndEndAtTheValue(String fixture, String spans) throws IOException {
        assertThat(FixtureSpans.of(fixture, false)).containsExactlyInAnyOrder(spans.split(",\\s*"));
    }
}
