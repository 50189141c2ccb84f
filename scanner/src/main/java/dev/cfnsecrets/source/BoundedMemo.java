package dev.cfnsecrets.source;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers remembered for the JVM, for questions asked many times over (a name's secret word, an
 * action pattern's expansion, a stack frame's file), but no more than a fixed number of them: the
 * keys come from templates, which could otherwise grow the memory without end. Callers that take
 * keys of any length bound them too. Thread-safe.
 */
public final class BoundedMemo<K, V> {
    private final Map<K, V> answers = new ConcurrentHashMap<>();
    private final int most;

    /** Remembers at most {@code most} answers; later ones are computed every time. */
    public BoundedMemo(int most) {
        this.most = most;
    }

    /** The answer for {@code key}: remembered, or {@code compute}'s (then remembered if room). */
    public V get(K key, Function<K, V> compute) {
        V known = answers.get(key);
        if (known != null) {
            return known;
        }
        V answer = compute.apply(key);
        if (answers.size() < most) {
            answers.put(key, answer);
        }
        return answer;
    }
}
