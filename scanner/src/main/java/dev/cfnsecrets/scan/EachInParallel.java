package dev.cfnsecrets.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Maps a list on every core, one item at a time: each thread takes the next item when it is done
 * with its last. A parallel stream splits a list into a few equal runs of items up front (four on
 * two cores), so a run of large files left one core idle for the last part of a scan; taken one at
 * a time, the threads finish within one item of each other.
 */
public final class EachInParallel {
    private EachInParallel() {}

    /**
     * {@code work} applied to every item, in the order of {@code items}, on the calling thread and
     * the common pool's workers.
     */
    public static <T, R> List<R> map(List<T> items, Function<T, R> work) {
        Object[] results = new Object[items.size()];
        AtomicInteger next = new AtomicInteger();
        Runnable drain =
                () -> {
                    for (int i = next.getAndIncrement();
                            i < results.length;
                            i = next.getAndIncrement()) {
                        results[i] = work.apply(items.get(i));
                    }
                };
        int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), items.size() - 1);
        List<ForkJoinTask<?>> started = new ArrayList<>();
        for (int i = 0; i < helpers; i++) {
            started.add(ForkJoinPool.commonPool().submit(drain));
        }
        drain.run();
        // Each helper ends once the items run out; joining also makes their results visible here.
        started.forEach(ForkJoinTask::join);
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) List.of(results);
        return list;
    }
}
