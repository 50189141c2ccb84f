package dev.cfnsecrets.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place where secrets are hidden from reports. Every reporter passes every text that may
 * hold a secret (message, source line, related-location notes) through {@link #clean}; reports are
 * shared, so they must not spread the secret they warn about.
 */
public final class Redactor {
    /**
     * Prefixes that say what kind of credential a value is without giving it away; longest first.
     */
    private static final List<String> KNOWN_PREFIXES =
            List.of(
                    "github_pat_",
                    "sk_live_",
                    "rk_live_",
                    "sk_test_",
                    "glpat-",
                    "ghp_",
                    "gho_",
                    "ghu_",
                    "ghs_",
                    "ghr_",
                    "xoxb-",
                    "xoxp-",
                    "xoxa-",
                    "xapp-",
                    "npm_",
                    "AKIA",
                    "ASIA",
                    "AIza",
                    "SG.");

    private static final Pattern PEM_HEADER = Pattern.compile("-----BEGIN [A-Z0-9 ]{1,40}-----");

    /**
     * Multi-line secrets are also hidden line by line, but lines this short are too common to mask.
     */
    private static final int MIN_FRAGMENT = 8;

    private final boolean showSecrets;

    public Redactor(boolean showSecrets) {
        this.showSecrets = showSecrets;
    }

    public boolean showsSecrets() {
        return showSecrets;
    }

    /**
     * A stand-in for a secret: its length, after the public prefix of a credential of a known
     * format ({@code sk_live_…(32 chars)}). Anything else (a password) shows no character at all
     * ({@code …(16 chars)}): even a few characters narrow a guess.
     */
    public String mask(String secret) {
        int length = secret.codePointCount(0, secret.length());
        return publicPrefix(secret) + "…(" + length + " chars)";
    }

    private static String publicPrefix(String secret) {
        Matcher pem = PEM_HEADER.matcher(secret);
        if (pem.lookingAt()) {
            return pem.group();
        }
        for (String known : KNOWN_PREFIXES) {
            if (secret.startsWith(known)) {
                return known;
            }
        }
        return "";
    }

    /**
     * {@code text} with every occurrence of each secret replaced by its mask (unchanged with
     * show-secrets).
     */
    public String clean(String text, Collection<String> secrets) {
        return redact(text, secrets).text();
    }

    /**
     * Like {@link #clean} but also tells where the replacements went, so that columns into the
     * original text can be moved onto the cleaned text (carets under a redacted source line).
     */
    Redaction redact(String text, Collection<String> secrets) {
        if (showSecrets || text == null || text.isEmpty() || secrets.isEmpty()) {
            return new Redaction(text, List.of());
        }
        Set<String> targets = targets(secrets);
        if (targets.isEmpty()) {
            return new Redaction(text, List.of());
        }
        // One pass, plain string search (a regex over a long repetitive secret compiles in
        // quadratic
        // time): at each position the longest secret wins, and a mask once written is never
        // searched again (a shorter secret may occur inside the mask).
        List<String> ordered = List.copyOf(targets);
        int[] next = new int[ordered.size()];
        for (int i = 0; i < next.length; i++) {
            next[i] = text.indexOf(ordered.get(i));
        }
        StringBuilder out = new StringBuilder(text.length());
        List<Redaction.Replaced> replaced = new ArrayList<>();
        int copied = 0;
        while (true) {
            int best = -1;
            for (int i = 0; i < next.length; i++) {
                if (next[i] >= 0 && next[i] < copied) {
                    next[i] = text.indexOf(ordered.get(i), copied);
                }
                if (next[i] >= 0 && (best < 0 || next[i] < next[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            int start = next[best];
            int end = start + ordered.get(best).length();
            out.append(text, copied, start);
            int newStart = out.length();
            out.append(mask(ordered.get(best)));
            replaced.add(new Redaction.Replaced(start, end, newStart, out.length()));
            copied = end;
        }
        out.append(text, copied, text.length());
        return new Redaction(out.toString(), replaced);
    }

    /**
     * The strings to hide, longest first. A multi-line secret (a PEM key in a YAML block scalar) is
     * also hidden line by line, because a report shows one source line at a time.
     */
    private static Set<String> targets(Collection<String> secrets) {
        Set<String> targets = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            targets.add(secret);
            if (secret.indexOf('\n') >= 0 || secret.indexOf('\r') >= 0) {
                for (String line : secret.split("\\R")) {
                    String fragment = line.strip();
                    if (fragment.length() >= MIN_FRAGMENT) {
                        targets.add(fragment);
                    }
                }
            }
        }
        return targets.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** A cleaned text and the ranges that were replaced, in order. */
    record Redaction(String text, List<Replaced> replaced) {

        /** The original range [from, to) became [newFrom, newTo) in the cleaned text. */
        record Replaced(int from, int to, int newFrom, int newTo) {}

        /**
         * Where an offset into the original text that starts a range lands; inside a secret: its
         * mask's start.
         */
        int startOffset(int offset) {
            return moved(offset, true);
        }

        /**
         * Where an offset into the original text that ends a range lands; inside a secret: its
         * mask's end.
         */
        int endOffset(int offset) {
            return moved(offset, false);
        }

        private int moved(int offset, boolean start) {
            int shift = 0;
            for (Replaced r : replaced) {
                if (offset <= r.from()) {
                    break;
                }
                if (offset < r.to()) {
                    return start ? r.newFrom() : r.newTo();
                }
                shift = r.newTo() - r.to();
            }
            return offset + shift;
        }
    }
}
