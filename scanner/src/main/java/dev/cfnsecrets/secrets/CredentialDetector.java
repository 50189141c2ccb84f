package dev.cfnsecrets.secrets;

import static dev.cfnsecrets.secrets.BlastRadius.CRITICAL;
import static dev.cfnsecrets.secrets.BlastRadius.HIGH;
import static dev.cfnsecrets.secrets.BlastRadius.LOW;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds credentials of known formats in a string, whatever the name they sit under: provider tokens
 * with a fixed prefix, private-key blocks, webhook URLs, JWTs with a signature, URLs and connection
 * strings with an inline password. Patterns are anchored on prefixes and exact lengths, so a match
 * is a credential and not just "40 random characters"; the one format without a prefix, the AWS
 * secret access key, is only reported with context (a name that says so, or an access key id next
 * to it).
 *
 * <p>Documentation examples ({@code AKIAIOSFODNN7EXAMPLE}), masked values ({@code XXXX}) and
 * placeholders are not reported. Pure and thread-safe.
 */
public final class CredentialDetector {
    /** Where a string was found: the name it sits under and whether an AWS key id is next to it. */
    public record Context(String name, boolean awsKeyIdNearby) {
        public static final Context NONE = new Context("", false);

        public Context {
            name = name == null ? "" : name;
        }

        /**
         * Whether the context, not only the text, lets a 40-character value be an AWS secret access
         * key: a name that says so, or a key id next to it. Otherwise the context changes nothing,
         * and a search can be shared with every other name.
         */
        public boolean suggestsAwsSecretKey() {
            return awsKeyIdNearby || LinearScan.oneLineContains(AWS_SECRET_NAME, name);
        }
    }

    public static final CredentialKind AWS_ACCESS_KEY_ID =
            kind("aws-access-key-id", "AWS access key id", CRITICAL);
    public static final CredentialKind AWS_SECRET_ACCESS_KEY =
            kind("aws-secret-access-key", "AWS secret access key", CRITICAL);
    public static final CredentialKind PRIVATE_KEY = kind("private-key", "private key", CRITICAL);
    public static final CredentialKind URL_PASSWORD =
            kind("url-password", "password inside a URL", HIGH);
    public static final CredentialKind CONNECTION_STRING_PASSWORD =
            kind("connection-string-password", "password inside a connection string", HIGH);

    /** AWS key ids: AKIA (long-term), ASIA (temporary) and the rarer prefixes; base32 body. */
    private static final Pattern AWS_KEY_ID =
            Pattern.compile(
                    "(?<![A-Z0-9])((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})(?![A-Z0-9])");

    /** What every match of {@link #AWS_KEY_ID} starts with. */
    private static final List<String> AWS_KEY_ID_PREFIXES =
            List.of("AKIA", "ASIA", "ABIA", "ACCA", "A3T");

    /** An access key id's length: a prefix of four and 16 characters of base32. */
    private static final int AWS_KEY_ID_LENGTH = 20;

    /** A secret access key's length. */
    private static final int AWS_SECRET_LENGTH = 40;

    private static final Pattern FORTY_BASE64 =
            Pattern.compile("(?<![A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])");

    /**
     * {@code aws_secret_access_key = …} written inside a larger text (a config file, inline code).
     */
    private static final Pattern INLINE_AWS_SECRET =
            Pattern.compile(
                    "(?i)aws.{0,20}?(?:secret|sk).{0,20}?[\"':=\\s]+([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])");

    static final Pattern AWS_SECRET_NAME =
            Pattern.compile(
                    "(?i)secret[-_ .]?access[-_ .]?key|aws[-_ .]?secret|aws[-_ .]?sk|secret[-_ .]?key");

    /** How every PEM header starts. */
    private static final String PEM_BEGIN_TEXT = "-----BEGIN ";

    private static final Pattern PEM_BEGIN =
            Pattern.compile(
                    PEM_BEGIN_TEXT
                            + "((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----");
    private static final Pattern PEM_HEADER_LINE = Pattern.compile("(?m)^[A-Za-z-]+: .*$");

    /**
     * A password in a URL: {@code scheme://user:password@host}. In a rendered value (a {@code
     * Fn::Sub} or {@code Fn::Join}) the user or the host may be a piece known only at deploy time,
     * a gap (the character a rendered value puts for it): {@code
     * mysql://shop:<password>@${DbEndpoint}/shop}. The password must be literal text — a password
     * that is a gap is not written in the template.
     */
    private static final Pattern URL_CREDENTIALS =
            Pattern.compile(
                    "(?i)\\b[a-z][a-z0-9+.-]{1,20}://([^\\s:/@?#\"']{1,256}):([^\\s/@?#\"'\\u0000]{1,256})@[^\\s/?#\"']+");

    /** {@code Server=…;User Id=…;Password=…;}: ADO.NET / JDBC / ODBC style. */
    private static final Pattern CONNECTION_PASSWORD =
            Pattern.compile(
                    "(?i)(?:^|[;\\s\"'])(?:password|pwd)\\s*=\\s*([^;\\s\"'\\u0000]{1,256})");

    private static final Pattern CONNECTION_STRING_CONTEXT =
            Pattern.compile(
                    "(?i)(server|host|data source|user id|uid|database|initial catalog|hostname)\\s*=");

    private static final List<Format> FORMATS =
            List.of(
                    format(
                            "github-token",
                            "GitHub token",
                            CRITICAL,
                            "gh",
                            "\\b(gh[pousr]_[A-Za-z0-9]{36})\\b"),
                    format(
                            "github-token",
                            "GitHub fine-grained token",
                            CRITICAL,
                            "github_pat_",
                            "\\b(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\\b"),
                    format(
                            "gitlab-token",
                            "GitLab personal access token",
                            CRITICAL,
                            "glpat-",
                            "\\b(glpat-[A-Za-z0-9_-]{20})(?![A-Za-z0-9_-])"),
                    format(
                            "npm-token",
                            "npm access token",
                            CRITICAL,
                            "npm_",
                            "\\b(npm_[A-Za-z0-9]{36})\\b"),
                    format(
                            "pypi-token",
                            "PyPI upload token",
                            CRITICAL,
                            "pypi-AgEIcHlwaS5vcmc",
                            "\\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,})"),
                    format(
                            "stripe-live-key",
                            "Stripe live secret key",
                            CRITICAL,
                            "_live_",
                            "\\b((?:sk|rk)_live_[0-9a-zA-Z]{24,99})\\b"),
                    format(
                            "stripe-test-key",
                            "Stripe test secret key",
                            LOW,
                            "_test_",
                            "\\b((?:sk|rk)_test_[0-9a-zA-Z]{24,99})\\b"),
                    format(
                            "square-token",
                            "Square access token",
                            CRITICAL,
                            "sq0",
                            "\\b(sq0(?:atp|csp)-[0-9A-Za-z_-]{22,43})(?![0-9A-Za-z_-])"),
                    format(
                            "digitalocean-token",
                            "DigitalOcean token",
                            CRITICAL,
                            "_v1_",
                            "\\b(do[opr]_v1_[a-f0-9]{64})\\b"),
                    format(
                            "azure-storage-key",
                            "Azure storage account key",
                            CRITICAL,
                            "==",
                            "(?i)AccountKey=([A-Za-z0-9+/]{86}==)"),
                    format(
                            "slack-token",
                            "Slack token",
                            HIGH,
                            "xox",
                            "\\b(xox[baprs]-[0-9]{9,13}-[0-9A-Za-z-]{10,})(?![0-9A-Za-z-])"),
                    format(
                            "slack-token",
                            "Slack app token",
                            HIGH,
                            "xapp-",
                            "\\b(xapp-[0-9]-[A-Z0-9]{9,13}-[0-9]{9,13}-[a-z0-9]{32,})\\b"),
                    format(
                            "slack-webhook",
                            "Slack webhook URL",
                            HIGH,
                            "https://hooks.slack.com/",
                            "(https://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_-]{20,})"),
                    format(
                            "teams-webhook",
                            "Microsoft Teams webhook URL",
                            HIGH,
                            ".webhook.office.com/webhookb2/",
                            "(https://[A-Za-z0-9_-]+\\.webhook\\.office\\.com/webhookb2/[0-9a-f-]{36}@[0-9a-f-]{36}"
                                    + "/IncomingWebhook/[0-9a-f]{32}/[0-9a-f-]{36})"),
                    format(
                            "discord-webhook",
                            "Discord webhook URL",
                            HIGH,
                            "/api/webhooks/",
                            "(https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,68})"),
                    format(
                            "sendgrid-key",
                            "SendGrid API key",
                            HIGH,
                            "SG.",
                            "\\b(SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])"),
                    format("twilio-key", "Twilio API key", HIGH, "SK", "\\b(SK[0-9a-f]{32})\\b"),
                    format(
                            "google-api-key",
                            "Google API key",
                            HIGH,
                            "AIza",
                            "\\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])"),
                    format(
                            "google-oauth-secret",
                            "Google OAuth client secret",
                            HIGH,
                            "GOCSPX-",
                            "\\b(GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])"),
                    format(
                            "openai-key",
                            "OpenAI API key",
                            HIGH,
                            "T3BlbkFJ",
                            "\\b(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,})(?![A-Za-z0-9_-])"),
                    format(
                            "anthropic-key",
                            "Anthropic API key",
                            HIGH,
                            "sk-ant-",
                            "\\b(sk-ant-(?:api|admin)0\\d-[A-Za-z0-9_-]{80,})(?![A-Za-z0-9_-])"),
                    format(
                            "huggingface-token",
                            "Hugging Face token",
                            HIGH,
                            "hf_",
                            "\\b(hf_[A-Za-z]{34})\\b"),
                    format(
                            "shopify-token",
                            "Shopify token",
                            HIGH,
                            "shp",
                            "\\b(shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32})\\b"),
                    format(
                            "mailgun-key",
                            "Mailgun API key",
                            HIGH,
                            "key-",
                            "\\b(key-[0-9a-f]{32})\\b"),
                    format(
                            "mailchimp-key",
                            "Mailchimp API key",
                            HIGH,
                            "-us",
                            "\\b([0-9a-f]{32}-us[0-9]{1,2})\\b"),
                    format(
                            "telegram-bot-token",
                            "Telegram bot token",
                            HIGH,
                            ":AA",
                            "\\b([0-9]{8,10}:AA[0-9A-Za-z_-]{33})(?![0-9A-Za-z_-])"),
                    format(
                            "newrelic-user-key",
                            "New Relic user API key",
                            HIGH,
                            "NRAK-",
                            "\\b(NRAK-[A-Z0-9]{27})\\b"),
                    format(
                            "newrelic-license-key",
                            "New Relic ingest license key",
                            LOW,
                            "NRAL",
                            "\\b([a-f0-9]{36}NRAL)\\b"));

    /** What every URL with a password holds: the end of its scheme and the {@code @} after it. */
    private static final List<String> URL_PASSWORD_WORDS = List.of("://", "@");

    /**
     * What every connection string with a password holds: a {@code ;} between settings, and the
     * {@code =} of {@link #CONNECTION_STRING_CONTEXT}.
     */
    private static final List<String> CONNECTION_STRING_WORDS = List.of(";", "=");

    /** How every JWT starts: a base64-encoded {@code {"}. */
    private static final String JWT_START = "eyJ";

    /**
     * Every word a search needs before it runs its pattern, looked for together in one pass over a
     * text. The formats' anchors come first, in the order of {@link #FORMATS}: format {@code i}'s
     * anchor is bit {@code i}.
     */
    private static final Anchors ANCHORS =
            new Anchors(
                    Stream.of(
                                    FORMATS.stream().map(Format::anchor),
                                    AWS_KEY_ID_PREFIXES.stream(),
                                    URL_PASSWORD_WORDS.stream(),
                                    CONNECTION_STRING_WORDS.stream(),
                                    Stream.of(PEM_BEGIN_TEXT, JWT_START))
                            .flatMap(words -> words)
                            .toList());

    private static final long AWS_KEY_ID_PREFIX_BITS = ANCHORS.bitsOf(AWS_KEY_ID_PREFIXES);
    private static final long PEM_BEGIN_BIT = ANCHORS.bitsOf(List.of(PEM_BEGIN_TEXT));
    private static final long URL_PASSWORD_BITS = ANCHORS.bitsOf(URL_PASSWORD_WORDS);
    private static final long CONNECTION_STRING_BITS = ANCHORS.bitsOf(CONNECTION_STRING_WORDS);
    private static final long JWT_START_BIT = ANCHORS.bitsOf(List.of(JWT_START));

    private CredentialDetector() {}

    /** Credentials of known formats in {@code text}, without context. */
    public static List<CredentialMatch> find(String text) {
        return find(text, Context.NONE);
    }

    /**
     * Credentials of known formats in {@code text}; {@code context} enables the AWS secret access
     * key.
     */
    public static List<CredentialMatch> find(String text, Context context) {
        // Each search below runs its pattern only on a text that holds its anchors.
        long anchors = ANCHORS.foundIn(text);
        List<CredentialMatch> found = new ArrayList<>();
        for (int i = 0; i < FORMATS.size(); i++) {
            if ((anchors & Anchors.bit(i)) != 0) {
                Format format = FORMATS.get(i);
                addMatches(text, format.pattern, 1, format.kind, m -> !isDummy(m.group(1)), found);
            }
        }
        int before = found.size();
        awsKeyIds(text, anchors, found);
        awsSecretKeys(text, context, found.size() > before, found);
        if ((anchors & PEM_BEGIN_BIT) != 0) {
            privateKeys(text, found);
        }
        if ((anchors & URL_PASSWORD_BITS) == URL_PASSWORD_BITS) {
            urlPasswords(text, found);
        }
        if ((anchors & CONNECTION_STRING_BITS) == CONNECTION_STRING_BITS) {
            connectionStringPasswords(text, found);
        }
        if ((anchors & JWT_START_BIT) != 0) {
            jwts(text, found);
        }
        return withoutOverlaps(found);
    }

    /**
     * Whether {@code text} holds an AWS access key id (so that a 40-character value beside it is
     * its secret).
     */
    public static boolean hasAwsKeyId(String text) {
        List<CredentialMatch> ids = new ArrayList<>();
        awsKeyIds(text, ANCHORS.foundIn(text), ids);
        return !ids.isEmpty();
    }

    /**
     * {@code anchors}: what {@link #ANCHORS} found in {@code text}; without a key id's prefix, or
     * shorter than a key id, the pattern is not run at all (most values).
     */
    private static void awsKeyIds(String text, long anchors, List<CredentialMatch> found) {
        if ((anchors & AWS_KEY_ID_PREFIX_BITS) == 0 || text.length() < AWS_KEY_ID_LENGTH) {
            return;
        }
        // 16 random base32 characters never repeat this little; AKIAAAAA… and AKIAXXXX… are
        // stand-ins.
        addMatches(
                text,
                AWS_KEY_ID,
                1,
                AWS_ACCESS_KEY_ID,
                m -> !isDummy(m.group(1)) && m.group(1).substring(4).chars().distinct().count() > 4,
                found);
    }

    /**
     * Each match of {@code pattern} that {@code keep} accepts: group {@code group} is a credential
     * of {@code kind}.
     */
    private static void addMatches(
            String text,
            Pattern pattern,
            int group,
            CredentialKind kind,
            Predicate<Matcher> keep,
            List<CredentialMatch> found) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (keep.test(m)) {
                found.add(new CredentialMatch(kind, m.start(group), m.end(group), m.group(group)));
            }
        }
    }

    /** {@code keyIdInText}: whether {@link #awsKeyIds} found a key id in {@code text}. */
    private static void awsSecretKeys(
            String text, Context context, boolean keyIdInText, List<CredentialMatch> found) {
        if (text.length() < AWS_SECRET_LENGTH) {
            return; // shorter than any match of either pattern
        }
        if (keyIdInText || context.suggestsAwsSecretKey()) {
            Matcher m = FORTY_BASE64.matcher(text);
            while (m.find()) {
                addAwsSecret(m.group(1), m.start(1), found);
            }
        }
        if (!containsAwsIgnoringCase(text)) {
            return; // every inline match starts with "aws"
        }
        Matcher inline = INLINE_AWS_SECRET.matcher(text);
        while (inline.find()) {
            addAwsSecret(inline.group(1), inline.start(1), found);
        }
    }

    private static void addAwsSecret(String candidate, int start, List<CredentialMatch> found) {
        // Generated keys mix upper, lower and digits; hex digests and words do not.
        if (!isDummy(candidate)
                && Entropy.characterClasses(candidate.replaceAll("[/+]", "")) == 3
                && Entropy.shannon(candidate) >= 4.0) {
            found.add(
                    new CredentialMatch(
                            AWS_SECRET_ACCESS_KEY, start, start + candidate.length(), candidate));
        }
    }

    /** Whether {@code text} holds "aws" in any case of ASCII letters, as {@code (?i)aws} finds. */
    private static boolean containsAwsIgnoringCase(String text) {
        for (int i = 0; i + 2 < text.length(); i++) {
            if ((text.charAt(i) | 0x20) == 'a'
                    && (text.charAt(i + 1) | 0x20) == 'w'
                    && (text.charAt(i + 2) | 0x20) == 's') {
                return true;
            }
        }
        return false;
    }

    /**
     * PEM and OpenSSH private keys, also written on one line with escaped {@code \n}: a header, at
     * least 40 base64 characters of body, and the END line (or the end of the text). A key ends at
     * the next BEGIN line at the latest: otherwise every BEGIN of a text without END lines would
     * take the rest of the text as its body, and the text's length times the number of BEGINs would
     * be read.
     */
    private static void privateKeys(String text, List<CredentialMatch> found) {
        List<MatchResult> begins = PEM_BEGIN.matcher(text).results().toList();
        Map<String, Integer> ends = new HashMap<>();
        for (int i = 0; i < begins.size(); i++) {
            MatchResult m = begins.get(i);
            int limit = i + 1 < begins.size() ? begins.get(i + 1).start() : text.length();
            String label = m.group(1);
            String endMarker = "-----END " + label + "-----";
            int end = nextEnd(text, endMarker, m.end(), ends);
            if (end >= 0 && end + endMarker.length() > limit) {
                end = -1;
            }
            int stop = end < 0 ? limit : end + endMarker.length();
            String body =
                    text.substring(m.end(), end < 0 ? limit : end)
                            .replace("\\n", "\n")
                            .replace("\\r", "\n");
            body = PEM_HEADER_LINE.matcher(body).replaceAll("");
            String base64 = body.replaceAll("[^A-Za-z0-9+/=]", "");
            if (base64.length() >= 40 && !isDummy(base64) && Entropy.shannon(base64) >= 4.0) {
                CredentialKind k =
                        privateKeyKind(
                                label.replace(" BLOCK", "").replace("PRIVATE KEY", "").strip());
                found.add(new CredentialMatch(k, m.start(), stop, text.substring(m.start(), stop)));
            }
        }
    }

    /**
     * Where {@code endMarker} next occurs at or after {@code from}, or -1; {@code ends} remembers
     * the last answer per marker, which stays right for every later {@code from} up to it (the
     * BEGIN lines are visited in order), so each marker's search walks the text once.
     */
    private static int nextEnd(String text, String endMarker, int from, Map<String, Integer> ends) {
        Integer known = ends.get(endMarker);
        if (known != null && (known < 0 || known >= from)) {
            return known;
        }
        int end = text.indexOf(endMarker, from);
        ends.put(endMarker, end);
        return end;
    }

    /**
     * "RSA private key", "OpenSSH private key", "encrypted private key", or plain "private key"
     * (PKCS#8).
     */
    private static CredentialKind privateKeyKind(String type) {
        if (type.isEmpty()) {
            return PRIVATE_KEY;
        }
        String words =
                type.equals("OPENSSH") ? "OpenSSH" : type.equals("ENCRYPTED") ? "encrypted" : type;
        return kind(PRIVATE_KEY.id(), words + " private key", CRITICAL);
    }

    private static void urlPasswords(String text, List<CredentialMatch> found) {
        addMatches(
                text,
                URL_CREDENTIALS,
                2,
                URL_PASSWORD,
                m -> !isPlaceholderPassword(m.group(2)) && !m.group(2).equals(m.group(1)),
                found);
    }

    private static void connectionStringPasswords(String text, List<CredentialMatch> found) {
        if (!CONNECTION_STRING_CONTEXT.matcher(text).find()) {
            return;
        }
        addMatches(
                text,
                CONNECTION_PASSWORD,
                1,
                CONNECTION_STRING_PASSWORD,
                m -> !isPlaceholderPassword(m.group(1)),
                found);
    }

    private static final Pattern JWT =
            Pattern.compile(
                    "\\b(eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{16,})(?![A-Za-z0-9_.-])");
    private static final CredentialKind JWT_KIND = kind("jwt", "signed JSON Web Token", HIGH);
    private static final CredentialKind PUBLIC_JWT =
            kind("jwt", "public (anonymous-role) JSON Web Token", LOW);

    /**
     * Signed JWTs; a Supabase-style {@code "role":"anon"} token is public by design and has a low
     * radius.
     */
    private static void jwts(String text, List<CredentialMatch> found) {
        Matcher m = JWT.matcher(text);
        while (m.find()) {
            String[] pieces = m.group(1).split("\\.");
            String header = decode(pieces[0]);
            String payload = decode(pieces[1]);
            if (header.contains("\"alg\"")
                    && !header.replace(" ", "")
                            .toLowerCase(Locale.ROOT)
                            .contains("\"alg\":\"none\"")
                    && payload.startsWith("{")) {
                boolean anonymous = payload.replace(" ", "").contains("\"role\":\"anon\"");
                found.add(
                        new CredentialMatch(
                                anonymous ? PUBLIC_JWT : JWT_KIND,
                                m.start(1),
                                m.end(1),
                                m.group(1)));
            }
        }
    }

    private static String decode(String base64url) {
        try {
            return new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8)
                    .strip();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * A password that stands for one: {@code ${DB_PASSWORD}}, {@code <password>}, {@code ****},
     * {@code password}.
     */
    private static boolean isPlaceholderPassword(String password) {
        String p = password.toLowerCase(Locale.ROOT);
        return NotASecret.isPlaceholder(password)
                || p.startsWith("$")
                || p.startsWith("%")
                || p.startsWith(":")
                || p.startsWith("{")
                || p.equals("pass")
                || p.equals("pwd")
                || p.equals("passw0rd");
    }

    /**
     * Documentation examples and masked stand-ins: {@code EXAMPLE}, runs of X or of one character.
     */
    private static boolean isDummy(String secret) {
        String upper = secret.toUpperCase(Locale.ROOT);
        return upper.contains("EXAMPLE")
                || upper.contains("XXXXXX")
                || upper.contains("******")
                || secret.chars().distinct().count() <= 3;
    }

    /**
     * Keeps the first of overlapping matches, preferring the longer (a URL holding a token is one
     * match).
     */
    private static List<CredentialMatch> withoutOverlaps(List<CredentialMatch> found) {
        if (found.size() < 2) {
            return found; // most texts: nothing to sort
        }
        List<CredentialMatch> sorted = new ArrayList<>(found);
        sorted.sort(FIRST_THEN_LONGEST);
        List<CredentialMatch> kept = new ArrayList<>();
        int reached = -1;
        for (CredentialMatch match : sorted) {
            if (match.start() >= reached) {
                kept.add(match);
                reached = match.end();
            }
        }
        return kept;
    }

    private static final Comparator<CredentialMatch> FIRST_THEN_LONGEST =
            Comparator.comparingInt(CredentialMatch::start)
                    .thenComparing(
                            Comparator.comparingInt((CredentialMatch c) -> c.end() - c.start())
                                    .reversed());

    private static CredentialKind kind(String id, String label, BlastRadius radius) {
        return new CredentialKind(id, label, radius);
    }

    /**
     * A format whose every match contains {@code anchor}: a text without it is not searched (a
     * plain substring search, {@link #ANCHORS}, is far cheaper than running the pattern over every
     * position).
     */
    private static Format format(
            String id, String label, BlastRadius radius, String anchor, String regex) {
        return new Format(kind(id, label, radius), anchor, Pattern.compile(regex));
    }

    private record Format(CredentialKind kind, String anchor, Pattern pattern) {}
}
