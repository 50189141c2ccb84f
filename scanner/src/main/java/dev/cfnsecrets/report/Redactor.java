package dev.cfnsecrets.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
     * show-secrets). A collection asked about again is taken to hold the same secrets (findings'
     * lists are immutable).
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
        Targets targets = targetsOf(secrets);
        // One pass, plain string comparison (a regex over a long repetitive secret compiles in
        // quadratic time): at each position the longest secret wins, and a mask once written is
        // never searched again (a shorter secret may occur inside the mask).
        StringBuilder out = null;
        List<Redaction.Replaced> replaced = new ArrayList<>();
        int copied = 0;
        int at = 0;
        while (at < text.length()) {
            String secret = targets.longestAt(text, at);
            if (secret == null) {
                at++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, at);
            int newStart = out.length();
            out.append(mask(secret));
            copied = at + secret.length();
            replaced.add(new Redaction.Replaced(at, copied, newStart, out.length()));
            at = copied;
        }
        if (out == null) {
            return new Redaction(text, List.of());
        }
        out.append(text, copied, text.length());
        return new Redaction(out.toString(), replaced);
    }

    /** The last collection of secrets asked about and its targets: reporters ask several times. */
    private volatile Prepared last;

    private record Prepared(Collection<String> secrets, Targets targets) {}

    /**
     * The targets of {@code secrets}, made once for the same collection asked about again: every
     * text of a finding is cleaned with the finding's secrets, and the findings on one line share
     * one list of them ({@code LineSecrets}), which a minified template fills with all of its
     * secrets.
     */
    private Targets targetsOf(Collection<String> secrets) {
        Prepared prepared = last;
        if (prepared == null || prepared.secrets() != secrets) {
            prepared = new Prepared(secrets, new Targets(targets(secrets)));
            last = prepared;
        }
        return prepared.targets();
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

    /**
     * The strings to hide, found by the characters they start with: a text is read once, and at
     * each position only the strings that start with its first {@value #KEY} characters are
     * compared, however many there are.
     */
    private static final class Targets {
        private static final int KEY = 4;

        /** Strings shorter than {@link #KEY}, longest first: compared at every position. */
        private final List<String> shorter;

        /** Open addressing: the strings longest first under their first {@link #KEY} chars. */
        private final long[] keys;

        private final String[][] byKey;

        Targets(Set<String> longestFirst) {
            List<String> shortOnes = new ArrayList<>();
            Map<Long, List<String>> grouped = new LinkedHashMap<>();
            for (String target : longestFirst) {
                if (target.length() < KEY) {
                    shortOnes.add(target);
                } else {
                    grouped.computeIfAbsent(key(target, 0), k -> new ArrayList<>()).add(target);
                }
            }
            shorter = List.copyOf(shortOnes);
            int size = Integer.highestOneBit(Math.max(1, grouped.size()) * 2) * 2;
            keys = new long[size];
            byKey = new String[size][];
            grouped.forEach(
                    (key, strings) -> {
                        int slot = slot(key);
                        while (byKey[slot] != null) {
                            slot = (slot + 1) & (size - 1);
                        }
                        keys[slot] = key;
                        byKey[slot] = strings.toArray(String[]::new);
                    });
        }

        /** The longest string that starts at {@code at} of {@code text}, or null. */
        String longestAt(String text, int at) {
            if (at + KEY <= text.length()) {
                long key = key(text, at);
                for (int slot = slot(key);
                        byKey[slot] != null;
                        slot = (slot + 1) & (keys.length - 1)) {
                    if (keys[slot] == key) {
                        for (String candidate : byKey[slot]) {
                            if (text.startsWith(candidate, at)) {
                                return candidate;
                            }
                        }
                        break;
                    }
                }
            }
            for (String candidate : shorter) {
                if (text.startsWith(candidate, at)) {
                    return candidate;
                }
            }
            return null;
        }

        /** The {@link #KEY} characters from {@code at}, 16 bits each. */
        private static long key(String text, int at) {
            long key = 0;
            for (int i = 0; i < KEY; i++) {
                key = (key << 16) | text.charAt(at + i);
            }
            return key;
        }

        private int slot(long key) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & (keys.length - 1);
        }
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
