package dev.cfnsecrets.report;

import dev.cfnsecrets.source.BundledResource;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;

/**
 * What the build wrote into {@code cfn-secrets/version.properties}: the version, the commit it was
 * built from ({@code unknown} in a build from a source archive, which has no git history) and the
 * day of the build. The day is that of Maven's {@code project.build.outputTimestamp} (the build's
 * start unless the build fixes it), so a reproduced build says the same.
 *
 * @param version the project's version, e.g. {@code 0.1.0}
 * @param commit the abbreviated commit id, or {@code unknown}
 * @param buildDate the build's day as {@code yyyy-MM-dd} (UTC), or {@code unknown}
 */
public record BuildInfo(String version, String commit, String buildDate) {
    static final String UNKNOWN = "unknown";
    private static final String RESOURCE = "cfn-secrets/version.properties";
    private static final BuildInfo BUNDLED = BundledResource.read(RESOURCE, BuildInfo::load);

    /**
     * This jar's build.
     *
     * @return what the build wrote into the jar
     */
    public static BuildInfo bundled() {
        return BUNDLED;
    }

    /** Reads the build's properties; a missing version is a broken build. */
    static BuildInfo of(Properties properties) {
        String version = properties.getProperty("version");
        if (!filled(version)) {
            throw new IllegalStateException(RESOURCE + " holds no filtered 'version'");
        }
        String commit = properties.getProperty("commit");
        return new BuildInfo(
                version.strip(),
                filled(commit) ? commit.strip() : UNKNOWN,
                day(properties.getProperty("built")));
    }

    private static BuildInfo load(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(in);
        return of(properties);
    }

    /** A value Maven filled in: not blank, and not a placeholder left as written. */
    private static boolean filled(String value) {
        return value != null && !value.isBlank() && !value.startsWith("${");
    }

    /**
     * The day of a timestamp in one of the two forms Maven takes for the output timestamp: ISO 8601
     * ({@code 2026-12-05T19:06:57Z}, the day as written) or seconds since 1970 (the day in UTC).
     */
    private static String day(String timestamp) {
        if (!filled(timestamp)) {
            return UNKNOWN;
        }
        String value = timestamp.strip();
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(value)), ZoneOffset.UTC)
                    .toString();
        }
        return startsWithDay(value) ? value.substring(0, 10) : UNKNOWN;
    }

    /** {@code yyyy-MM-dd} at the start, checked by hand: no pattern or formatter to load. */
    private static boolean startsWithDay(String value) {
        if (value.length() < 10) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = value.charAt(i);
            boolean expected = i == 4 || i == 7 ? c == '-' : c >= '0' && c <= '9';
            if (!expected) {
                return false;
            }
        }
        return true;
    }
}
