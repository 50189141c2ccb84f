package dev.cfnsecrets.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EachInParallelTest {
    @Test
    void everyItemIsMappedOnceAndTheResultsKeepTheOrderOfTheItems() {
        List<Integer> items = IntStream.range(0, 2_000).boxed().toList();
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        List<String> results =
                EachInParallel.map(
                        items,
                        i -> {
                            assertThat(seen.add(i)).as("item %d mapped once", i).isTrue();
                            // Items of very different costs, as files of very different sizes.
                            return i % 97 == 0 ? "#" + "x".repeat(10_000).hashCode() + i : "#" + i;
                        });
        assertThat(results).hasSize(items.size());
        assertThat(results.get(5)).isEqualTo("#5");
        assertThat(results.get(1_999)).isEqualTo("#1999");
        assertThat(seen).hasSize(items.size());
    }

    @Test
    void noItemsGiveNoResults() {
        assertThat(EachInParallel.map(List.<String>of(), String::length)).isEmpty();
    }
}
