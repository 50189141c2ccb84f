package dev.cfnsecrets.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Well-known credential shapes as secret scanners (gitleaks' default rules, GitHub secret scanning)
 * match them, written here from the vendors' published formats. AWS's documented example key ids
 * ending in {@code EXAMPLE} are left alone, as those scanners do.
 */
final class CredentialShapes {
    private static final List<Pattern> SHAPES =
            List.of(
                    Pattern.compile("\\b(AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{16}\\b"),
                    Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36}\\b"),
                    Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{60,}"),
                    Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20}"),
                    Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"),
                    Pattern.compile("\\b[sr]k_(live|test)_[A-Za-z0-9]{20,}"),
                    Pattern.compile("\\bSG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}"),
                    Pattern.compile("\\bAIza[A-Za-z0-9_-]{35}"),
                    Pattern.compile("\\bnpm_[A-Za-z0-9]{36}"),
                    Pattern.compile(
                            "hooks\\.slack\\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+"),
                    Pattern.compile(
                            "-----BEGIN[A-Z ]*PRIVATE KEY-----[\\s\\\\n]*[A-Za-z0-9+/=]{40,}"),
                    Pattern.compile(
                            "\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"),
                    // A URL with an inline password: user:password@host, password not a reference.
                    Pattern.compile("[a-z][a-z0-9+.-]*://[^\\s/:@${}]+:[^\\s/@${}…]{3,}@[A-Za-z]"));

    private CredentialShapes() {}

    /** Each credential-shaped string in {@code text}, except AWS's documentation examples. */
    static List<String> in(String text) {
        List<String> found = new ArrayList<>();
        for (Pattern shape : SHAPES) {
            Matcher m = shape.matcher(text);
            while (m.find()) {
                if (!m.group().endsWith("EXAMPLE")) {
                    found.add(m.group());
                }
            }
        }
        return found;
    }
}
