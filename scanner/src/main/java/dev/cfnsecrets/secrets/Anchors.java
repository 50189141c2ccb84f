package dev.cfnsecrets.secrets;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of a fixed list of short ASCII words a text holds, found in one pass over the text. The
 * detector checks some thirty words before it runs any pattern; one {@code contains} per word read
 * each text thirty times over (the JVM's quick client compiler does not turn {@code contains} into
 * vector code), which was most of the detector's time on the many values that hold none of them.
 * Here each position of the text is read once, and only the words starting with its character are
 * compared there.
 *
 * <p>The answer is a set of bits: bit {@code i} stands for the word at index {@code i} of the list.
 * Immutable and thread-safe.
 */
final class Anchors {
    /** At most as many words as a {@code long} has bits. */
    private static final int MOST = Long.SIZE;

    private final String[] words;

    /** For each ASCII character, the indices of the words that start with it, or null. */
    private final int[][] startingWith = new int[128][];

    Anchors(List<String> words) {
        if (words.size() > MOST) {
            throw new IllegalArgumentException("more than " + MOST + " words");
        }
        this.words = words.toArray(String[]::new);
        List<List<Integer>> byFirst = new ArrayList<>();
        for (int c = 0; c < startingWith.length; c++) {
            byFirst.add(new ArrayList<>());
        }
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.isEmpty() || !word.chars().allMatch(c -> c < startingWith.length)) {
                throw new IllegalArgumentException("not a non-empty ASCII word: " + word);
            }
            byFirst.get(word.charAt(0)).add(i);
        }
        for (int c = 0; c < startingWith.length; c++) {
            List<Integer> indices = byFirst.get(c);
            if (!indices.isEmpty()) {
                startingWith[c] = indices.stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }

    /** The bits of {@code some} of the words, each one of the list. */
    long bitsOf(List<String> some) {
        long bits = 0;
        for (String word : some) {
            int index = List.of(words).indexOf(word);
            if (index < 0) {
                throw new IllegalArgumentException("not one of the words: " + word);
            }
            bits |= bit(index);
        }
        return bits;
    }

    /** Which words {@code text} holds: bit {@code i} is set when it holds the {@code i}-th word. */
    long foundIn(String text) {
        long found = 0;
        for (int at = 0; at < text.length(); at++) {
            char c = text.charAt(at);
            int[] candidates = c < startingWith.length ? startingWith[c] : null;
            if (candidates == null) {
                continue;
            }
            for (int index : candidates) {
                if ((found & bit(index)) == 0 && text.startsWith(words[index], at)) {
                    found |= bit(index);
                }
            }
        }
        return found;
    }

    static long bit(int index) {
        return 1L << index;
    }
}
