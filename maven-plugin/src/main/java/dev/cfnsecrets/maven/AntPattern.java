package dev.cfnsecrets.maven;

import java.util.regex.Pattern;

/**
 * An {@code includes}/{@code excludes} pattern in the Ant style Maven plugins use (checkstyle,
 * spotbugs, resources), matched against a path relative to the project's base directory with {@code
 * /} separators: {@code *} and {@code ?} stay within a directory, a {@code **} segment stands for
 * zero or more directories ({@code **}{@code /*.yaml} also matches {@code a.yaml}), and a pattern
 * ending in {@code /} means everything under that directory. Unlike the configuration file's {@code
 * exclude} globs (which follow the command line), there are no character classes or alternatives:
 * Maven users write these patterns as they do for other plugins.
 */
final class AntPattern {
    private final Pattern regex;

    private AntPattern(Pattern regex) {
        this.regex = regex;
    }

    static AntPattern compile(String pattern) {
        String normalized = pattern.strip().replace('\\', '/');
        if (normalized.endsWith("/")) {
            normalized += "**";
        }
        String[] segments = normalized.split("/", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            if (segments[i].equals("**")) {
                // Zero or more whole directories; at the end, anything below.
                regex.append(last ? ".*" : "(?:[^/]+/)*");
            } else {
                regex.append(segment(segments[i])).append(last ? "" : "/");
            }
        }
        return new AntPattern(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    private static String segment(String segment) {
        StringBuilder regex = new StringBuilder();
        for (char c : segment.toCharArray()) {
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    /**
     * @param relativePath a path relative to the base directory, {@code /}-separated
     */
    boolean matches(String relativePath) {
        return regex.matcher(relativePath).matches();
    }
}
