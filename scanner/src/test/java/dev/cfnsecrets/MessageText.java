package dev.cfnsecrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A finding's message measured as a reader meets it: its sentences, the length of its prose (what
 * is left without the names it quotes), and any long run of words it shares with a help text.
 */
final class MessageText {
    /**
     * What a message quotes from the template or the policy, whole: dynamic references and quoted
     * strings (a policy name, a Resource, a duplicate key), whatever dots or spaces they hold.
     */
    private static final Pattern QUOTED = Pattern.compile("\\{\\{.*?}}|\"[^\"]*\"|'[^']*'");

    /** Abbreviations whose period ends no sentence. */
    private static final Pattern ABBREVIATION = Pattern.compile("\\b(?:e\\.g|i\\.e|etc|vs)\\.");

    /**
     * A sentence ends at '.', '!' or '?' followed by white space, so the dots of an ARN, a dotted
     * property path (AWS::CloudFormation::Init.config.files) or a number (92.8 %) end none.
     */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    /**
     * A word of prose: letters, maybe capitalised, with the punctuation around it. Anything else
     * (an ARN, an action, a logical id in CamelCase, a variable NAME_LIKE_THIS, a number) is a name
     * the message must quote to be located, and does not count towards its length.
     */
    private static final Pattern PROSE_WORD =
            Pattern.compile("[(\\[]?[A-Za-z][a-z]*(?:[-'][a-z]+)*[)\\],;:.!?]*");

    /** A token with a digit or a name's punctuation, left out when comparing wording. */
    private static final Pattern NAME_TOKEN = Pattern.compile("\\S*[0-9_:/*${}]\\S*");

    private static final Pattern WORD = Pattern.compile("[a-z]+(?:'[a-z]+)?");

    private final String text;

    MessageText(String text) {
        this.text = text;
    }

    List<String> sentences() {
        String plain = ABBREVIATION.matcher(masked()).replaceAll("x").strip();
        return Arrays.stream(SENTENCE_END.split(plain)).filter(s -> !s.isEmpty()).toList();
    }

    /** The characters of its prose words, with one space after each. */
    int proseLength() {
        return Arrays.stream(masked().split("\\s+"))
                .filter(w -> PROSE_WORD.matcher(w).matches())
                .mapToInt(w -> w.length() + 1)
                .sum();
    }

    /** The first run of {@code n} words this message shares with {@code other}, if any. */
    Optional<String> sharedRun(String other, int n) {
        Set<List<String>> runs = new HashSet<>(runs(words(other), n));
        return runs(words(text), n).stream()
                .filter(runs::contains)
                .findFirst()
                .map(r -> String.join(" ", r));
    }

    private String masked() {
        // "#" is no word of prose, and a quote ending a sentence still ends it.
        return QUOTED.matcher(text).replaceAll("#");
    }

    private static List<String> words(String text) {
        String plain =
                NAME_TOKEN
                        .matcher(text.toLowerCase(Locale.ROOT).replaceAll("[`*\\[\\]()]", " "))
                        .replaceAll(" ");
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(plain);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static List<List<String>> runs(List<String> words, int n) {
        List<List<String>> runs = new ArrayList<>();
        for (int i = 0; i + n <= words.size(); i++) {
            runs.add(words.subList(i, i + n));
        }
        return runs;
    }
}
