package dev.cfnsecrets.scan;

import com.google.re2j.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An {@code exclude} glob matched against a file's path relative to the repository root. The path
 * is text, so it is never turned back into a {@link java.nio.file.Path}: a file name the platform
 * charset cannot encode (any non-ASCII name under {@code LC_ALL=C}) would throw there. The glob
 * becomes an RE2/J pattern, whose matching time is linear in the path whatever the glob. Syntax as
 * in {@link java.nio.file.FileSystem#getPathMatcher}: {@code *} and {@code ?} stay within a
 * directory, {@code **} crosses directories, {@code [a-z]}/{@code [!a-z]} are character classes and
 * {@code {a,b}} alternatives.
 */
public final class PathGlob {
    private final Pattern pattern;

    private PathGlob(Pattern pattern) {
        this.pattern = pattern;
    }

    /** The glob compiled; an unclosed class or group is a {@link PatternSyntaxException}. */
    public static PathGlob compile(String glob) {
        StringBuilder regex = new StringBuilder();
        boolean inGroup = false;
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i++);
            switch (c) {
                case '*' -> {
                    boolean crosses = i < glob.length() && glob.charAt(i) == '*';
                    regex.append(crosses ? ".*" : "[^/]*");
                    i += crosses ? 1 : 0;
                }
                case '?' -> regex.append("[^/]");
                case '[' -> i = characterClass(glob, i, regex);
                case '{' -> {
                    if (inGroup) {
                        throw new PatternSyntaxException(
                                "nested { groups are not supported", glob, i - 1);
                    }
                    inGroup = true;
                    regex.append("(?:");
                }
                case '}' -> {
                    regex.append(inGroup ? ")" : "\\}");
                    inGroup = false;
                }
                case ',' -> regex.append(inGroup ? "|" : ",");
                case '\\' -> {
                    if (i == glob.length()) {
                        throw new PatternSyntaxException("no character to escape", glob, i - 1);
                    }
                    regex.append(Pattern.quote(String.valueOf(glob.charAt(i++))));
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (inGroup) {
            throw new PatternSyntaxException("missing '}'", glob, glob.length());
        }
        return new PathGlob(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    /** Appends the class that starts after '[' at {@code from}; returns the index after its ']'. */
    private static int characterClass(String glob, int from, StringBuilder regex) {
        int i = from;
        StringBuilder members = new StringBuilder("[");
        if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
            // A negated class still stays within a directory.
            members.append('^').append(escapeInClass('/'));
            i++;
        }
        boolean first = true;
        while (i < glob.length() && (first || glob.charAt(i) != ']')) {
            char c = glob.charAt(i++);
            if (c == '/') {
                throw new PatternSyntaxException("'/' cannot be in a character class", glob, i - 1);
            }
            boolean range = c == '-' && !first && i < glob.length() && glob.charAt(i) != ']';
            members.append(range ? "-" : escapeInClass(c));
            first = false;
        }
        if (i >= glob.length()) {
            throw new PatternSyntaxException("missing ']'", glob, from - 1);
        }
        regex.append(members).append(']');
        return i + 1;
    }

    private static String escapeInClass(char c) {
        return Character.isLetterOrDigit(c)
                ? String.valueOf(c)
                : "\\x{" + Integer.toHexString(c) + "}";
    }

    public boolean matches(String repositoryPath) {
        return pattern.matches(repositoryPath);
    }
}
