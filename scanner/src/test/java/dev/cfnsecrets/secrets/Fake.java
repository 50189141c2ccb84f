package dev.cfnsecrets.secrets;

import java.util.Random;

/**
 * Made-up credentials for tests: a real prefix and a random body from a fixed seed, so the tests
 * hold no real secret and no string that other secret scanners would take for one in the source.
 */
final class Fake {
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String DIGITS = "0123456789";
    static final String ALNUM = UPPER + LOWER + DIGITS;
    static final String HEX = "0123456789abcdef";
    static final String BASE32 = UPPER + "234567";
    static final String BASE64 = ALNUM + "+/";
    static final String URLSAFE = ALNUM + "_-";

    private Fake() {}

    static String random(String alphabet, int length, long seed) {
        Random random = new Random(seed);
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    static String random(String alphabet, int length) {
        return random(alphabet, length, 42);
    }

    static String awsKeyId() {
        return "AKIA" + random(BASE32, 16, 7);
    }

    /** 40 characters with upper, lower and digits, like an AWS secret access key. */
    static String awsSecretKey() {
        return random(BASE64, 40, 11);
    }

    /** A PEM block whose body is random base64 (not a key, but shaped like one). */
    static String pem(String label, String newline) {
        StringBuilder b = new StringBuilder("-----BEGIN " + label + "-----" + newline);
        for (int i = 0; i < 4; i++) {
            b.append(random(BASE64, 64, 100 + i)).append(newline);
        }
        return b.append("-----END ").append(label).append("-----").toString();
    }

    static String jwt(String payloadJson) {
        java.util.Base64.Encoder e = java.util.Base64.getUrlEncoder().withoutPadding();
        return e.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes())
                + "."
                + e.encodeToString(payloadJson.getBytes())
                + "."
                + random(URLSAFE, 43, 5);
    }
}
