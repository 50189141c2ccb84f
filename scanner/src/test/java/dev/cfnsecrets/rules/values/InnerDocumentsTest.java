package dev.cfnsecrets.rules.values;

import static dev.cfnsecrets.CountedText.assertLinear;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The documents one value carries, read by hand or by Jackson within limits: each entry with its
 * key path, its meaning and where its value is written; hostile texts in linear work.
 */
class InnerDocumentsTest {
    /** Each entry as {@code path=value@written}, {@code written} the text at the entry's place. */
    private static List<String> entries(String text) {
        return InnerDocuments.read(text).stream()
                .map(e -> e.path() + "=" + e.value() + "@" + text.substring(e.from(), e.to()))
                .toList();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"smtp\":{\"host\":\"h\",\"pass\":\"p1\"}} | smtp.host=h@h, smtp.pass=p1@p1",
                "{\"users\":[{\"password\":\"p\\u0031\"}],\"n\":1} | users[0].password=p1@p\\u0031",
                "[{\"a\":\"b\"},\"c\"] | [0].a=b@b",
                "user=a&password=p%21w+x | user=a@a, password=p!w x@p%21w+x",
                "jdbc:postgresql://h/db?user=a&password=pw#frag | user=a@a, password=pw@pw",
                "password=&next=x | next=x@x",
                "Server=db;User Id=sa;Password=pw;PWD={a;b}; | Server=db@db, User Id=sa@sa,"
                        + " Password=pw@pw, PWD=a;b@a;b",
                "DB_PASSWORD=pw | DB_PASSWORD=pw@pw",
            })
    void readsEveryEntryWithItsPlace(String text, String expected) {
        assertThat(entries(text)).containsExactly(expected.split(",\\s*"));
    }

    @Test
    void readsDotenvAndYamlLinesWithTheirPaths() {
        String text =
                "# settings\n"
                        + "export DB_HOST=db\n"
                        + "DB_PASSWORD=\"p w\"   # quoted\n"
                        + "database:\n"
                        + "  password: pw # comment\n"
                        + "  pool:\n"
                        + "    token: t\n"
                        + "cache:\n"
                        + "- key: k\n";

        assertThat(entries(text))
                .containsExactly(
                        "DB_HOST=db@db",
                        "DB_PASSWORD=p w@p w",
                        "database.password=pw@pw",
                        "database.pool.token=t@t",
                        "cache.key=k@k");
    }

    @Test
    void inlineCodeIsNoDocumentButItsStringLiteralsAre() {
        String code =
                "conn = pymysql.connect(\n"
                        + "    password=os.environ['DB_PASSWORD'],\n"
                        + "    token=get_token(),\n"
                        + "    user=user,\n"
                        + ")\n"
                        + "API_KEY=\"k1\"\n";

        assertThat(entries(code)).containsExactly("API_KEY=k1@k1");
    }

    @Test
    void readsTheUserAndPasswordOfABasicHeader() {
        // dXNlcjpQYXNzdzByZDEyMw== is user:Passw0rd123
        String text = "Authorization: Basic dXNlcjpQYXNzdzByZDEyMw==";

        assertThat(entries(text)).containsExactly("password=Passw0rd123@dXNlcjpQYXNzdzByZDEyMw==");
        assertThat(entries("Basic dXNlcjo=")).containsExactly("password=@dXNlcjo=");
        assertThat(entries("X-Basic: Basic dXNlcjpQYXNzdzByZDEyMw=="))
                .noneMatch(e -> e.startsWith("password="));
        // "not a pair": no user and password in it
        assertThat(entries("Authorization: Basic bm90IGEgcGFpcg=="))
                .noneMatch(e -> e.startsWith("password="));
    }

    @Test
    void jsonBeyondItsLimitsOrMalformedHasNoEntries() {
        String deep =
                "{\"a\":".repeat(InnerJson.MAX_DEPTH + 1)
                        + "{\"password\":\"p\"}"
                        + "}".repeat(InnerJson.MAX_DEPTH + 1);
        String many = "{" + "\"k\":1,".repeat((int) InnerJson.MAX_TOKENS) + "\"password\":\"p\"}";
        String large = "{\"password\":\"" + "p".repeat(InnerDocuments.MAX_LENGTH) + "\"}";

        assertThat(entries(deep)).isEmpty();
        assertThat(entries(many)).isEmpty();
        assertThat(entries(large)).isEmpty();
        assertThat(entries("{\"password\": \"p\"")).isEmpty();
        assertThat(entries("[".repeat(100_000))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"semicolons", "ampersands", "openQuotes", "basics", "yamlOpens", "equals"})
    void hostileTextsAreReadInLinearWork(String shape) {
        IntFunction<String> hostile =
                switch (shape) {
                    case "semicolons" -> n -> ";".repeat(n) + "=";
                    case "ampersands" -> n -> "?" + "&".repeat(n) + "=";
                    case "openQuotes" -> n -> "K=\"x\n".repeat(n / 5);
                    case "basics" -> n -> "basi".repeat(n / 4) + ":";
                    case "yamlOpens" -> n -> "k:\n".repeat(n / 3);
                    default -> n -> "=".repeat(n);
                };
        assertLinear(hostile, t -> InnerDocuments.read(t).size() < 2, true, 20);
    }
}
