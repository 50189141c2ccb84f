package dev.cfnsecrets.secrets;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Literal values that are not secrets even behind a secret name: references and identifiers (ARNs,
 * dynamic references, SSM paths, secret names such as {@code prod/db/creds}, URLs without
 * credentials, host names, e-mail and IP addresses), numbers, booleans, empty and null values,
 * durations, placeholders ({@code changeme}, {@code <your-key>}, {@code ${X}}, {@code xxxx},
 * documentation examples) and KMS ciphertext (base64 starting {@code AQICAH}/{@code AQECAH} — the
 * envelope pattern is the <em>good</em> practice).
 *
 * <p>Hex digests and UUIDs are deliberately not on this list: API keys of several providers are hex
 * (Datadog, Twilio auth tokens) or UUIDs (Heroku), so under a secret name they are reported. Under
 * any other name nothing looks at them: no credential format matches a bare digest or UUID, and
 * entropy is only consulted behind a secret name.
 */
public final class NotASecret {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Set<String> BOOLEANS = Set.of("true", "false", "yes", "no", "on", "off", "enabled", "disabled");
    private static final Set<String> NULLS = Set.of("null", "none", "nil", "undefined", "n/a", "na", "-", "~", "''", "\"\"");
    private static final Set<String> PLACEHOLDER_WORDS = Set.of(
            "changeme", "changeit", "replaceme", "password", "passwd", "secret", "token", "apikey", "key", "test",
            "testing", "dummy", "example", "sample", "placeholder", "todo", "tbd", "fixme", "redacted", "notset",
            "unset", "default", "foo", "bar", "foobar", "baz", "value", "empty", "blank", "string", "mysecret",
            "mypassword", "mytoken", "myapikey", "secretvalue", "secretkey", "yoursecret", "yourpassword",
            "yourtoken", "yourapikey", "notasecret", "notsecret", "fake", "fakekey", "faketoken", "invalid", "xxx");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile(
            "\\$\\{[^}]*}|\\{\\{[^}]*}}|<[^<>]*[A-Za-z][^<>]*>|%\\{[^}]*}|#\\{[^}]*}|__[A-Z0-9_]+__|%[A-Z_]+%");
    private static final Pattern SHELL_VARIABLE = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern YOUR_THING = Pattern.compile(
            "(?i)(your|insert|enter|replace|put|paste|add|set)[-_ ]?(own[-_ ]?)?[a-z0-9_ -]*(here|key|token|secret|password|pass|id)");
    private static final Pattern REPEATED = Pattern.compile("(.)\\1+");
    private static final Pattern MASKED = Pattern.compile("[*xX•#.]{3,}|.*[xX*]{6,}.*");
    private static final Pattern URL = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://[^\\s]+");
    private static final Pattern URL_WITH_PASSWORD = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://[^\\s/@:]*:[^\\s/@]+@.*");
    private static final Pattern HOST = Pattern.compile(
            "(?i)(?=.{4,253}$)([a-z0-9_]([a-z0-9_-]*[a-z0-9])?\\.)+[a-z]{2,63}\\.?(:\\d{1,5})?");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern IP = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?(:\\d{1,5})?");
    private static final Pattern PATH = Pattern.compile("/?[\\w.@+=,:-]+(/[\\w.@+=,:*${}-]+)+/?|/[\\w.@+=-]+");
    private static final Pattern BASE64_LOOKING = Pattern.compile("[A-Za-z0-9+/=]{20,}");
    private static final Pattern DURATION = Pattern.compile(
            "(?i)\\d+(\\.\\d+)?\\s*(ms|s|sec|secs|seconds|m|min|mins|minutes|h|hr|hrs|hours|d|days|w|weeks|kb|mb|gb|tb|k|%)");
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*([-_.][a-z0-9]+)+|[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");
    private static final Pattern CAMEL_IDENTIFIER = Pattern.compile("([A-Z][a-z0-9]+){2,}|[a-z]+([A-Z][a-z0-9]+)+");
    /** JSONPath, Step Functions and API Gateway mapping expressions: they point at a value. */
    private static final Pattern EXPRESSION = Pattern.compile(
            "(\\$\\.|\\$\\[|\\$\\$\\.|\\$context\\.|\\$input|\\$util|\\$stageVariables|method\\.request\\.|"
                    + "integration\\.(request|response)\\.|context\\.|stageVariables\\.|States\\.).*");
    private static final Pattern KMS_CIPHERTEXT = Pattern.compile("AQ[IE]CAH[A-Za-z0-9+/]{40,}={0,2}");

    private NotASecret() {
    }

    /** Why {@code value} is not a secret, in words a message can use ("an ARN"), or empty if it may be one. */
    public static Optional<String> why(String value) {
        String v = value.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return Optional.of("empty");
        }
        if (NUMBER.matcher(v).matches()) {
            return Optional.of("a number");
        }
        if (BOOLEANS.contains(lower)) {
            return Optional.of("a boolean");
        }
        if (NULLS.contains(lower)) {
            return Optional.of("a null value");
        }
        if (lower.startsWith("arn:")) {
            return Optional.of("an ARN");
        }
        if (v.contains("{{resolve:")) {
            return Optional.of("a dynamic reference");
        }
        if (KMS_CIPHERTEXT.matcher(v).matches()) {
            return Optional.of("KMS ciphertext (encrypted with KMS, decrypted at runtime)");
        }
        if (isPlaceholder(v)) {
            return Optional.of("a placeholder");
        }
        if (EXPRESSION.matcher(v).matches()) {
            return Optional.of("an expression that points at a value");
        }
        if (URL.matcher(v).matches() && !URL_WITH_PASSWORD.matcher(v).matches()) {
            return Optional.of("a URL without credentials");
        }
        if (EMAIL.matcher(v).matches()) {
            return Optional.of("an e-mail address");
        }
        if (IP.matcher(v).matches()) {
            return Optional.of("an IP address");
        }
        if (HOST.matcher(v).matches()) {
            return Optional.of("a host name");
        }
        if (DURATION.matcher(v).matches()) {
            return Optional.of("a duration or size");
        }
        if (PATH.matcher(v).matches() && !looksLikeBase64(v)) {
            return Optional.of(v.startsWith("/") ? "a Parameter Store path" : "a path or secret name");
        }
        if (isIdentifier(v)) {
            return Optional.of("an identifier (the name of something, not a secret value)");
        }
        return Optional.empty();
    }

    /** Whether {@code value} is a stand-in for a real value: {@code changeme}, {@code <key>}, {@code ${X}}, {@code xxxx}. */
    public static boolean isPlaceholder(String value) {
        String v = value.strip();
        String letters = v.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (PLACEHOLDER_WORDS.contains(letters) || v.toLowerCase(Locale.ROOT).contains("example")) {
            return true;
        }
        if (TEMPLATE_VARIABLE.matcher(v).find() || SHELL_VARIABLE.matcher(v).matches()) {
            return true;
        }
        if (REPEATED.matcher(v).matches() || MASKED.matcher(v).matches()) {
            return true;
        }
        return v.length() <= 40 && YOUR_THING.matcher(v).matches() && v.matches("(?i)(your|insert|enter|replace|put|paste|add|set).*");
    }

    /**
     * Whether the whole value is a template variable that something else fills in ({@code ${DbPassword}},
     * {@code <password>}, {@code {{token}}}, {@code $DB_PASS}, {@code %PASSWORD%}, {@code __TOKEN__}) —
     * narrower than {@link #isPlaceholder}: a stand-in word such as {@code changeme} is not one.
     */
    public static boolean isTemplateVariable(String value) {
        String v = value.strip();
        return v.matches("\\$\\{[^}]*}|<[^<>]+>|\\{\\{[^{}]*}}|\\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_]+%|__[A-Za-z0-9_]+__");
    }

    /** Long strings of the base64 alphabet with upper, lower and digits: a key, not a path. */
    static boolean looksLikeBase64(String v) {
        return BASE64_LOOKING.matcher(v).matches() && Entropy.characterClasses(v.replaceAll("[+/=]", "")) >= 3;
    }

    /**
     * A name rather than a value: a lower-case slug ({@code my-app-db-secret}), an upper-case constant
     * ({@code PROD_DB}) or a CamelCase name ({@code ProdDatabaseCredentials}) made of word-like parts.
     * Parts that look generated (hex runs, mixed digits) keep it a candidate secret.
     */
    static boolean isIdentifier(String v) {
        if (!(SLUG.matcher(v).matches() || CAMEL_IDENTIFIER.matcher(v).matches())) {
            return false;
        }
        for (String part : v.split("[-_.]|(?<=[a-z0-9])(?=[A-Z])")) {
            if (!isWordLike(part)) {
                return false;
            }
        }
        return true;
    }

    /** Letters with at most a short run of digits at the end ({@code prod}, {@code v2}, {@code db01}). */
    private static boolean isWordLike(String part) {
        return part.matches("[A-Za-z]+\\d{0,3}|\\d{1,4}") && !part.matches("(?i)[0-9a-f]*\\d[0-9a-f]*") ;
    }
}
