package dev.cfnsecrets.secrets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Literal values that are not secrets even behind a secret name: references and identifiers (ARNs,
 * dynamic references, SSM paths, secret names such as {@code prod/db/creds}, URLs without
 * credentials, host names, e-mail and IP addresses), numbers, booleans, empty and null values,
 * durations, placeholders ({@code changeme}, {@code <your-key>}, {@code ${X}}, {@code xxxx},
 * documentation examples), shell command substitutions ({@code $(…)}) and KMS ciphertext (base64
 * starting {@code AQICAH}, {@code AQIDAH} or {@code AQECAH} — the envelope pattern is the
 * <em>good</em> practice).
 *
 * <p>Hex digests and UUIDs are deliberately not on this list: API keys of several providers are hex
 * (Datadog, Twilio auth tokens) or UUIDs (Heroku), so under a secret name they are reported. Under
 * any other name nothing looks at them: no credential format matches a bare digest or UUID, and
 * entropy is only consulted behind a secret name.
 */
public final class NotASecret {
    private static final Pattern NUMBER =
            Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Set<String> BOOLEANS =
            Set.of("true", "false", "yes", "no", "on", "off", "enabled", "disabled");
    private static final Set<String> NULLS =
            Set.of("null", "none", "nil", "undefined", "n/a", "na", "-", "~", "''", "\"\"");

    /** Words that only ever stand for a value someone will put in: never deployed on purpose. */
    private static final Set<String> STAND_IN_WORDS =
            Set.of(
                    "changeme",
                    "changeit",
                    "replaceme",
                    "replaced",
                    "dummy",
                    "example",
                    "placeholder",
                    "todo",
                    "tbd",
                    "fixme",
                    "redacted",
                    "notset",
                    "unset",
                    "mysecret",
                    "mypassword",
                    "mytoken",
                    "myapikey",
                    "secretvalue",
                    "yoursecret",
                    "yourpassword",
                    "yourtoken",
                    "yourapikey",
                    "notasecret",
                    "notsecret",
                    "fake",
                    "fakekey",
                    "faketoken",
                    "xxx",
                    "keyvalue",
                    "apikeyvalue",
                    "tokenvalue",
                    "passwordvalue");

    /**
     * Bare words that are placeholders in an environment variable but, written into a password
     * property, are what deploys: a weak password rather than a stand-in.
     */
    private static final Set<String> WEAK_WORDS =
            Set.of(
                    "password",
                    "passwd",
                    "secret",
                    "token",
                    "apikey",
                    "key",
                    "test",
                    "testing",
                    "sample",
                    "default",
                    "foo",
                    "bar",
                    "foobar",
                    "baz",
                    "value",
                    "empty",
                    "blank",
                    "string",
                    "secretkey",
                    "invalid",
                    "secretstring");

    /**
     * Words that, anywhere in a value, mark it as a stand-in: {@code dummy-value}, {@code <<Enter
     * your key>>}.
     */
    static final Pattern STAND_IN_WORD =
            Pattern.compile(
                    "(?i)dummy|placeholder|changeme|change[-_ ]me|replace[-_ ]?me|example|redacted|your[-_ ]|enter[-_ ]");

    /**
     * {@code <Your key>}, {@code __TOKEN__}, {@code %TOKEN%}; the brace forms ({@code ${x}}, {@code
     * {{x}}}, {@code %{x}}, {@code #{x}}) are found by {@link LinearScan#enclosed}. The letter
     * inside angle brackets is the first one, so the pattern cannot try each letter in turn.
     */
    static final Pattern TEMPLATE_VARIABLE =
            Pattern.compile("<[^<>A-Za-z]*[A-Za-z][^<>]*>|__[A-Z0-9_]+__|%[A-Z_]+%");

    private static final Pattern SHELL_VARIABLE = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern YOUR_THING =
            Pattern.compile(
                    "(?i)(your|insert|enter|replace|put|paste|add|set)[-_ ]?(own[-_ ]?)?[a-z0-9_ -]*"
                            + "(here|key|token|secret|password|pass|id)");
    private static final Pattern REPEATED = Pattern.compile("(.)\\1+");
    private static final Pattern MASK_CHARACTERS = Pattern.compile("[*xX•#.]{3,}");
    static final Pattern MASK_RUN = Pattern.compile("[xX*]{6}");
    private static final Pattern URL = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://[^\\s]+");
    private static final Pattern URL_WITH_PASSWORD =
            Pattern.compile("(?i)[a-z][a-z0-9+.-]*://[^\\s/@:]*:[^\\s/@]+@.*");
    private static final Pattern HOST =
            Pattern.compile(
                    "(?i)(?=.{4,253}$)([a-z0-9_]([a-z0-9_-]*[a-z0-9])?\\.)+[a-z]{2,63}\\.?(:\\d{1,5})?");
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern IP =
            Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?(:\\d{1,5})?");
    private static final Pattern PATH =
            Pattern.compile("/?[\\w.@+=,:-]+(/[\\w.@+=,:*${}-]+)+/?|/[\\w.@+=-]+|[\\w.-]+/");
    private static final Pattern BASE64_LOOKING = Pattern.compile("[A-Za-z0-9+/=]{20,}");
    private static final Pattern DURATION =
            Pattern.compile(
                    "(?i)\\d+(\\.\\d+)?\\s*(ms|s|sec|secs|seconds|m|min|mins|minutes|h|hr|hrs|hours|d|days|w|weeks|kb|mb|gb|tb|k|%)");

    /**
     * A word of an identifier: letters, then at most three digits ({@code prod}, {@code v2}, {@code
     * db01}).
     */
    private static final Pattern WORD = Pattern.compile("[a-z]+\\d{0,3}|\\d{1,4}");

    /** A word that is really a hex run ({@code e7cfed53d1}): generated, not written. */
    private static final Pattern HEXISH = Pattern.compile("(?=.*\\d)(?=.*[a-f])[0-9a-f]{5,}");

    /** JSONPath, Step Functions and API Gateway mapping expressions: they point at a value. */
    private static final Pattern EXPRESSION =
            Pattern.compile(
                    "(\\$\\.|\\$\\[|\\$\\$\\.|\\$context\\.|\\$input|\\$util|\\$stageVariables|method\\.request\\.|"
                            + "integration\\.(request|response)\\.|context\\.|stageVariables\\.|States\\.).*");

    /** IAM actions ({@code s3:GetObject}, {@code kms:*}) and CloudFormation resource types. */
    private static final Pattern IAM_ACTION =
            Pattern.compile("([a-z][a-z0-9-]*|[A-Z]+):[A-Z*][A-Za-z*?]*");

    private static final Pattern RESOURCE_TYPE =
            Pattern.compile("(AWS|Alexa|Custom)::[A-Za-z0-9:_-]+");
    private static final Pattern KMS_CIPHERTEXT =
            Pattern.compile("AQ(IC|EC|ID)AH[A-Za-z0-9+/]{40,}={0,2}");

    /** The reason {@link #why} gives for a URL without a password in it. */
    public static final String URL_WITHOUT_CREDENTIALS = "a URL without credentials";

    /** The reason {@link #why} gives for a value that reads like the name of something. */
    public static final String IDENTIFIER =
            "an identifier (the name of something, not a secret value)";

    private NotASecret() {}

    /**
     * Why {@code value} is not a secret, in words a message can use ("an ARN"), or empty if it may
     * be one.
     */
    public static Optional<String> why(String value) {
        String v = value.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return Optional.of("empty");
        }
        if (v.length() > 2
                && (v.charAt(0) == '\'' || v.charAt(0) == '"')
                && v.charAt(v.length() - 1) == v.charAt(0)) {
            // API Gateway mapping values are written with their quotes: 'GET,OPTIONS'.
            return why(v.substring(1, v.length() - 1));
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
        if (v.startsWith("$(") && v.endsWith(")")
                || v.length() > 1 && v.startsWith("`") && v.endsWith("`")) {
            // DB_PASSWORD=$(aws secretsmanager get-secret-value …) in a script: fetched at runtime.
            return Optional.of("a shell command substitution");
        }
        if (lower.startsWith("amzn1.")) {
            return Optional.of("an Amazon identifier (amzn1.…)");
        }
        if (IAM_ACTION.matcher(v).matches() || RESOURCE_TYPE.matcher(v).matches()) {
            return Optional.of("an IAM action or resource type");
        }
        if (URL.matcher(v).matches() && !URL_WITH_PASSWORD.matcher(v).matches()) {
            return Optional.of(URL_WITHOUT_CREDENTIALS);
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
            return Optional.of(
                    v.startsWith("/") ? "a Parameter Store path" : "a path or secret name");
        }
        if ((v.startsWith("{") && v.endsWith("}")) || (v.startsWith("[") && v.endsWith("]"))) {
            return Optional.of("structured data (JSON)");
        }
        if (v.contains(",") && isListOfNames(v)) {
            return Optional.of("a list of names");
        }
        if (isIdentifier(v)) {
            return Optional.of(IDENTIFIER);
        }
        return Optional.empty();
    }

    /**
     * Whether {@code value} stands for a real value: a stand-in ({@link #isStandIn}) or a bare word
     * such as {@code password}, {@code secret} or {@code test}.
     */
    public static boolean isPlaceholder(String value) {
        String letters = value.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return WEAK_WORDS.contains(letters) || isStandIn(value);
    }

    /**
     * Whether {@code value} can only be a stand-in — {@code changeme}, {@code <<Enter your key>>},
     * {@code dummy-value}, {@code ${X}}, {@code xxxx} — unlike a bare {@code password} or {@code
     * secret}, which a password property deploys as the password.
     */
    public static boolean isStandIn(String value) {
        String v = value.strip();
        String letters = v.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (STAND_IN_WORDS.contains(letters) || LinearScan.oneLineContains(STAND_IN_WORD, v)) {
            return true;
        }
        if (!v.isEmpty() && v.length() <= 4 && letters.isEmpty()) {
            // "<>", "--", "?": punctuation only.
            return true;
        }
        if (hasTemplateVariable(v) || SHELL_VARIABLE.matcher(v).matches()) {
            return true;
        }
        if (REPEATED.matcher(v).matches()
                || MASK_CHARACTERS.matcher(v).matches()
                || LinearScan.oneLineContains(MASK_RUN, v)) {
            return true;
        }
        return v.length() <= 40 && YOUR_THING.matcher(v).matches();
    }

    static boolean hasTemplateVariable(CharSequence v) {
        return LinearScan.enclosed(v, "${", "}")
                || LinearScan.enclosed(v, "{{", "}}")
                || LinearScan.enclosed(v, "%{", "}")
                || LinearScan.enclosed(v, "#{", "}")
                || TEMPLATE_VARIABLE.matcher(v).find();
    }

    /** Long strings of the base64 alphabet with upper, lower and digits: a key, not a path. */
    static boolean looksLikeBase64(String v) {
        return BASE64_LOOKING.matcher(v).matches()
                && Entropy.characterClasses(v.replaceAll("[+/=]", "")) >= 3;
    }

    /**
     * {@code GET,POST,OPTIONS} or {@code Content-Type,X-Api-Key}: comma-separated words or
     * identifiers.
     */
    private static boolean isListOfNames(String v) {
        for (String item : v.split(",")) {
            String i = item.strip();
            if (!(i.matches("[A-Za-z]+") || isIdentifier(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A name rather than a value: a lower-case slug ({@code my-app-db-secret}), an upper-case
     * constant ({@code PROD_DB}) or a CamelCase name ({@code ProdDatabaseCredentials}, {@code
     * DocumentDBVPC}): at least two words, each of letters with at most three digits after them, at
     * most one of a single letter. Generated text breaks into digit-riddled or one-letter pieces
     * ({@code wJalrXUtnFEMI} → w, jalr, x, utn, femi) and stays a candidate.
     */
    static boolean isIdentifier(String v) {
        if (!v.matches("[A-Za-z][A-Za-z0-9]*([-_.][A-Za-z0-9]+)*")) {
            return false;
        }
        List<String> words = SecretNames.words(v);
        if (words.size() < 2) {
            return false;
        }
        int singleLetters = 0;
        for (String word : words) {
            if (!WORD.matcher(word).matches() || HEXISH.matcher(word).matches()) {
                return false;
            }
            if (word.length() == 1) {
                singleLetters++;
            }
        }
        return singleLetters <= 1;
    }
}
