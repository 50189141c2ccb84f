package dev.cfnsecrets.secrets;

import dev.cfnsecrets.source.BoundedMemo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a name (an environment variable, a property, a parameter, an output) says about its value. A
 * name says <em>secret</em> when one of its words means one ({@code password}, {@code secret},
 * {@code token}, {@code api key}, {@code private key}, {@code credentials} …) and no word turns it
 * into something about a secret rather than the secret itself: {@code DB_SECRET_ARN}, {@code
 * API_KEY_HEADER}, {@code TOKEN_TTL}, {@code PASSWORD_MIN_LENGTH}, {@code ENABLE_AUTH}, {@code
 * SECRETS_MANAGER_TTL} and the Parameters and Secrets extension settings are not secrets.
 *
 * <p>Names are split into words at separators ({@code _ - . / :} and blanks) and at case changes
 * ({@code dbPassword}, {@code APIKey}), so {@code MasterUserPassword}, {@code DB_PASSWORD} and
 * {@code db-password} read alike.
 */
public final class SecretNames {
    /** Word fragments that mean a secret wherever they occur in the joined name. */
    private static final List<String> SECRET_FRAGMENTS =
            List.of(
                    "password",
                    "passwd",
                    "passphrase",
                    "secret",
                    "token",
                    "credential",
                    "privatekey",
                    "apikey",
                    "accesskey",
                    "secretkey",
                    "signingkey",
                    "encryptionkey",
                    "masterkey",
                    "authkey",
                    "hmackey",
                    "sessionkey",
                    "licensekey",
                    "writekey",
                    "ingestkey",
                    "appkey",
                    "clientkey",
                    "accountkey",
                    "storagekey",
                    "deploykey",
                    "pgpkey",
                    "gpgkey",
                    "webhookkey",
                    "serverkey",
                    "adminkey",
                    "pepper",
                    "bearer");

    /**
     * Fragments that name a webhook, whose URL carries its own token ({@code SLACK_WEBHOOK_URL},
     * {@code ALERT_HOOK_URL}, {@code DiscordWebhook}): the URL is the secret, when the name ends
     * with them or with {@link #WEBHOOK_ADDRESS_WORDS}.
     */
    private static final List<String> WEBHOOK_FRAGMENTS = List.of("webhook", "hookurl", "hookuri");

    private static final Set<String> WEBHOOK_ADDRESS_WORDS =
            Set.of("url", "urls", "uri", "uris", "webhook", "webhooks");

    /** Fragments that mean a password (human-chosen, so entropy says nothing about them). */
    private static final List<String> PASSWORD_FRAGMENTS =
            List.of("password", "passwd", "passphrase");

    /**
     * Phrases that name a secret people choose or paste like a password ({@code SECRET_KEY}, {@code
     * CLIENT_SECRET}): any literal under them is a secret, as under a password.
     */
    private static final List<String> PASSWORD_LIKE_PHRASES = List.of("secretkey", "clientsecret");

    /** Whole words that mean a secret only on their own. */
    private static final Set<String> SECRET_WORDS = Set.of("pass", "pwd", "pw", "creds", "cred");

    /**
     * Last words that mean a secret only at the end of the name ({@code BASIC_AUTH}, not {@code
     * AUTH_TYPE}).
     */
    private static final Set<String> SECRET_LAST_WORDS = Set.of("auth", "authorization");

    /** Phrases that contain a secret fragment but name something else; removed before looking. */
    private static final List<String> NEUTRAL_PHRASES =
            List.of(
                    "parameterssecretsextension",
                    "parametersandsecrets",
                    "secretsmanager",
                    "secretmanager",
                    "passwordless",
                    "secretary",
                    "tokenizer",
                    "tokenize",
                    "maxtokens",
                    "nexttoken",
                    "pagetoken",
                    "paginationtoken",
                    "continuationtoken",
                    "idempotencytoken",
                    "clientrequesttoken",
                    "synctoken",
                    "canceltoken",
                    "csrftokenheader",
                    "passthrough",
                    "passthru",
                    "bypass",
                    "compass",
                    "passenger",
                    "passive",
                    "passport",
                    "encompass");

    /**
     * Last words that make the name about a secret, not the secret (its ARN, name, TTL, header …).
     */
    private static final Set<String> REFERENCE_LAST_WORDS =
            Set.of(
                    "arn",
                    "arns",
                    "name",
                    "names",
                    "id",
                    "ids",
                    "param",
                    "params",
                    "parameter",
                    "parameters",
                    "path",
                    "paths",
                    "url",
                    "urls",
                    "uri",
                    "uris",
                    "endpoint",
                    "endpoints",
                    "ttl",
                    "length",
                    "len",
                    "header",
                    "headers",
                    "enabled",
                    "enable",
                    "disabled",
                    "disable",
                    "port",
                    "rotation",
                    "days",
                    "table",
                    "type",
                    "types",
                    "version",
                    "versions",
                    "stage",
                    "bucket",
                    "prefix",
                    "suffix",
                    "file",
                    "filename",
                    "location",
                    "store",
                    "source",
                    "ref",
                    "region",
                    "host",
                    "hostname",
                    "mode",
                    "policy",
                    "policies",
                    "expiry",
                    "expiration",
                    "expires",
                    "expire",
                    "expired",
                    "timeout",
                    "millis",
                    "ms",
                    "seconds",
                    "secs",
                    "minutes",
                    "mins",
                    "hours",
                    "field",
                    "fields",
                    "format",
                    "provider",
                    "count",
                    "size",
                    "min",
                    "max",
                    "duration",
                    "validity",
                    "lifetime",
                    "interval",
                    "kms",
                    "alias",
                    "hash",
                    "hashed",
                    "digest",
                    "fingerprint",
                    "checksum",
                    "sha",
                    "sha1",
                    "sha256",
                    "label",
                    "description",
                    "desc",
                    "kid",
                    "regex",
                    "pattern",
                    "rule",
                    "rules",
                    "schedule",
                    "lambda",
                    "function",
                    "queue",
                    "topic",
                    "role",
                    "group",
                    "user",
                    "username",
                    "login",
                    "email",
                    "account",
                    "service",
                    "issuer",
                    "audience",
                    "scope",
                    "scopes",
                    "algorithm",
                    "alg",
                    "encoding",
                    "cache",
                    "level",
                    "method",
                    "strategy",
                    "template",
                    "generator",
                    "usage",
                    "kind",
                    "class",
                    "handler",
                    "dir",
                    "directory",
                    "folder",
                    "namespace",
                    "units",
                    "unit",
                    "limit",
                    "limits",
                    "required",
                    "expression",
                    "key",
                    "keys",
                    "status",
                    "state",
                    "arnlist",
                    "list",
                    "config",
                    "configuration",
                    "settings",
                    "options",
                    "properties",
                    "attribute",
                    "attributes",
                    "selection",
                    "sid",
                    "flag",
                    "flags",
                    "retries",
                    "attempts",
                    "lookup",
                    "manager",
                    "vault",
                    "mount",
                    "storage",
                    "at",
                    "time",
                    "date",
                    "timestamp",
                    "created",
                    "updated",
                    "rotated",
                    "chars",
                    "characters",
                    "symbols",
                    "complexity",
                    // KMS ciphertext of the secret, decrypted at runtime: the envelope pattern.
                    "ciphertext",
                    "encrypted");

    /**
     * First words that make the name a switch or an instruction about a secret ({@code
     * ENABLE_AUTH}).
     */
    private static final Set<String> REFERENCE_FIRST_WORDS =
            Set.of(
                    "use",
                    "enable",
                    "enabled",
                    "disable",
                    "disabled",
                    "is",
                    "has",
                    "should",
                    "require",
                    "requires",
                    "required",
                    "allow",
                    "skip",
                    "no",
                    "with",
                    "show",
                    "mask",
                    "generate",
                    "manage",
                    "rotate",
                    "exclude",
                    "include",
                    "min",
                    "max",
                    "num",
                    "number",
                    "reset",
                    "forgot",
                    "validate",
                    "verify");

    private SecretNames() {}

    /** Whether the name says its value is a secret (see the class comment). */
    public static boolean isSecretName(String name) {
        return secretWord(name).isPresent();
    }

    /**
     * The word that makes {@code name} a secret name (e.g. {@code password}, {@code API key}), or
     * empty when the name does not say secret or says it is about one: a word after the secret word
     * that makes it a reference ({@code DB_SECRET_ARN}, {@code KMS_MASTER_KEY_ID_FOR_SQS}), or a
     * first word that makes it a switch ({@code ENABLE_AUTH}).
     */
    public static Optional<String> secretWord(String name) {
        return name.length() <= REMEMBERED_NAME_LENGTH
                ? SECRET_WORD_BY_NAME.get(name, SecretNames::findSecretWord)
                : findSecretWord(name);
    }

    /**
     * The answers of {@link #secretWord} by name, for the JVM: the rules ask about the same names
     * (property keys, variable names) many times per template and across templates, and splitting a
     * name into words and looking for every fragment cost more than the rest of the rule. Bounded
     * in count and name length, so that templates of many long unique names cannot grow it without
     * end.
     */
    private static final BoundedMemo<String, Optional<String>> SECRET_WORD_BY_NAME =
            new BoundedMemo<>(20_000);

    private static final int REMEMBERED_NAME_LENGTH = 200;

    private static Optional<String> findSecretWord(String name) {
        List<String> words = words(name);
        if (words.isEmpty() || isSwitch(words)) {
            return Optional.empty();
        }
        int[] wordOf = wordIndex(words);
        String joined = neutralized(String.join("", words));
        for (String fragment : SECRET_FRAGMENTS) {
            for (int at = joined.indexOf(fragment);
                    at >= 0;
                    at = joined.indexOf(fragment, at + 1)) {
                if (!referencedAfter(words, wordOf[at + fragment.length() - 1])) {
                    return Optional.of(readable(fragment));
                }
            }
        }
        for (String fragment : WEBHOOK_FRAGMENTS) {
            int at = joined.indexOf(fragment);
            if (at >= 0 && onlyAddressAfter(words, wordOf[at + fragment.length() - 1])) {
                return Optional.of("webhook URL");
            }
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if ((SECRET_WORDS.contains(w) || SECRET_LAST_WORDS.contains(w)) && isLast(words, i)) {
                return Optional.of(readable(w));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the name says password or a secret chosen like one (a secret key, a client secret):
     * its value is reported whatever its entropy, unless it is a reference, placeholder, number or
     * boolean.
     */
    public static boolean isPasswordName(String name) {
        Optional<String> word = secretWord(name);
        if (word.isEmpty()) {
            return false;
        }
        if (PASSWORD_FRAGMENTS.contains(word.get())) {
            return true;
        }
        String joined = neutralized(String.join("", words(name)));
        return PASSWORD_LIKE_PHRASES.stream().anyMatch(joined::contains);
    }

    /**
     * Whether the name refers to a secret instead of holding one ({@code SECRET_ARN}, {@code
     * TOKEN_TTL}, {@code ACTIVEMQ_SECRET_ARN}): it is not a secret name, and it ends with a
     * reference word or is a switch.
     */
    public static boolean isReferenceName(String name) {
        List<String> words = words(name);
        if (words.isEmpty() || isSecretName(name)) {
            return false;
        }
        return isSwitch(words) || REFERENCE_LAST_WORDS.contains(lastWord(words));
    }

    /**
     * The blast radius a secret of this name most likely has: critical for cloud credentials,
     * private keys and source-control or registry tokens; low for ingest keys and public DSNs; high
     * otherwise.
     */
    public static BlastRadius blastRadius(String name) {
        String joined = String.join("", words(name));
        if (joined.contains("secretaccesskey")
                || joined.contains("awssecret")
                || joined.contains("sessiontoken")
                || joined.contains("privatekey")
                || joined.contains("deploykey")
                || joined.contains("github")
                || joined.contains("gitlab")
                || joined.contains("bitbucket")
                || joined.contains("npm")
                || joined.contains("pypi")
                || joined.contains("stripesecret")
                || joined.contains("accountkey")) {
            return BlastRadius.CRITICAL;
        }
        if (joined.contains("ingest")
                || joined.contains("licensekey")
                || joined.contains("writekey")
                || joined.contains("dsn")
                || joined.contains("publishable")
                || joined.contains("clienttoken")
                || joined.contains("anonkey")
                || joined.contains("rumkey")
                || joined.contains("browserkey")) {
            return BlastRadius.LOW;
        }
        return BlastRadius.HIGH;
    }

    /** The lower-case words of a name, split at separators and case changes. */
    public static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(words, word);
                continue;
            }
            if (word.length() > 0 && startsNewWord(name, i)) {
                flush(words, word);
            }
            word.append(c);
        }
        flush(words, word);
        return words;
    }

    /**
     * {@code dbPassword}: lower→upper; {@code S3Key}: digit→upper; {@code APIKey}: the last capital
     * of an acronym starts the next word.
     */
    private static boolean startsNewWord(String name, int i) {
        char c = name.charAt(i);
        char before = name.charAt(i - 1);
        if (Character.isUpperCase(c)
                && (Character.isLowerCase(before) || Character.isDigit(before))) {
            return true;
        }
        return Character.isUpperCase(c)
                && Character.isUpperCase(before)
                && i + 1 < name.length()
                && Character.isLowerCase(name.charAt(i + 1));
    }

    private static void flush(List<String> words, StringBuilder word) {
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }

    /** For each character of the joined words, the index of its word. */
    private static int[] wordIndex(List<String> words) {
        int[] index = new int[words.stream().mapToInt(String::length).sum()];
        int at = 0;
        for (int w = 0; w < words.size(); w++) {
            for (int c = 0; c < words.get(w).length(); c++) {
                index[at++] = w;
            }
        }
        return index;
    }

    /**
     * Whether a word after word {@code last} makes the name about the secret ({@code _ARN}, {@code
     * _TTL}); a "key" right after a secret word is part of it ({@code TOKEN_KEY}, {@code
     * SECRET_KEY}).
     */
    private static boolean referencedAfter(List<String> words, int last) {
        for (int i = last + 1; i < words.size(); i++) {
            String w = withoutTrailingDigits(words.get(i));
            if (!(w.equals("key") && i == last + 1) && REFERENCE_LAST_WORDS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the name ends at word {@code last} or with words naming its address: the webhook
     * itself ({@code DISCORD_WEBHOOK}, {@code SLACK_WEBHOOK_URL}), not something about it ({@code
     * WEBHOOK_ID}, {@code WebhookDefault}).
     */
    private static boolean onlyAddressAfter(List<String> words, int last) {
        for (int i = last + 1; i < words.size(); i++) {
            String w = words.get(i);
            if (!WEBHOOK_ADDRESS_WORDS.contains(w) && !w.matches("\\d+")) {
                return false;
            }
        }
        return true;
    }

    /** Whether word {@code i} ends the name, but for trailing numbers ({@code DB_PASS_2}). */
    private static boolean isLast(List<String> words, int i) {
        for (int j = i + 1; j < words.size(); j++) {
            if (!words.get(j).matches("\\d+")) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code \d+$} with {@code replaceFirst} would rescan from every digit of a long run that is
     * not at the end.
     */
    private static String withoutTrailingDigits(String word) {
        int end = word.length();
        while (end > 0 && word.charAt(end - 1) >= '0' && word.charAt(end - 1) <= '9') {
            end--;
        }
        return word.substring(0, end);
    }

    private static String lastWord(List<String> words) {
        for (int i = words.size() - 1; i >= 0; i--) {
            if (!words.get(i).matches("\\d+")) {
                return withoutTrailingDigits(words.get(i));
            }
        }
        return words.get(words.size() - 1);
    }

    /**
     * {@code ENABLE_AUTH}, {@code USE_SECRETS_MANAGER}, {@code PARAMETERS_SECRETS_EXTENSION_*}:
     * settings.
     */
    private static boolean isSwitch(List<String> words) {
        String joined = String.join("", words);
        return joined.startsWith("parameterssecretsextension")
                || joined.startsWith("parametersandsecrets")
                || (words.size() > 1 && REFERENCE_FIRST_WORDS.contains(words.get(0)));
    }

    /**
     * The joined words with neutral phrases blanked out (same length, so positions still map to
     * words).
     */
    private static String neutralized(String joined) {
        String out = joined;
        for (String phrase : NEUTRAL_PHRASES) {
            if (out.contains(phrase)) { // most names hold none: no blank string to build for them
                out = out.replace(phrase, " ".repeat(phrase.length()));
            }
        }
        return out;
    }

    private static String readable(String fragment) {
        return switch (fragment) {
            case "pass", "passwd", "pwd", "pw" -> "password";
            case "creds", "cred" -> "credentials";
            case "auth" -> "auth secret";
            case "authorization" -> "authorization value";
            case "privatekey" -> "private key";
            case "apikey" -> "API key";
            case "accesskey" -> "access key";
            case "secretkey" -> "secret key";
            case "signingkey" -> "signing key";
            case "encryptionkey" -> "encryption key";
            case "masterkey" -> "master key";
            case "authkey" -> "auth key";
            case "hmackey" -> "HMAC key";
            case "sessionkey" -> "session key";
            case "licensekey" -> "license key";
            case "writekey" -> "write key";
            case "ingestkey" -> "ingest key";
            case "clientkey" -> "client key";
            case "accountkey" -> "account key";
            case "storagekey" -> "storage key";
            case "deploykey" -> "deploy key";
            default -> fragment;
        };
    }
}
