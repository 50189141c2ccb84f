package dev.cfnsecrets.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a finding's fingerprint may hash about a secret: its shape (length, and the first four
 * characters of a long one — what the redacted report shows anyway), never the whole value. A hash
 * of a short or common password could be reversed by guessing; the shape cannot.
 */
public final class Fingerprint {
    private static final int SHORT = 8;

    private Fingerprint() {}

    public static String shapeOf(String secret) {
        return (secret.length() > SHORT ? secret.substring(0, 4) : "")
                + "("
                + secret.length()
                + ")";
    }

    public static String shapeOf(List<String> secrets) {
        return secrets.stream().map(Fingerprint::shapeOf).collect(Collectors.joining(","));
    }
}
