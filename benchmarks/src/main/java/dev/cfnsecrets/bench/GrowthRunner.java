package dev.cfnsecrets.bench;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.report.Format;
import dev.cfnsecrets.report.Reporter;
import dev.cfnsecrets.report.Reporters;
import dev.cfnsecrets.report.SarifContext;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.scan.Scanner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scans each {@link GrowthInputs} dimension at 1 ×, 4 × and 16 × in this JVM and prints, per
 * dimension, one tab-separated line: the name, the units and input bytes at 1 × and 16 ×, the CPU
 * time (ms) and the allocated bytes of the scan and its SARIF and text reports at each size, and
 * the findings (all, and CFS001 among them) at 1 × and 16 ×: a CFS001 means the scan stopped on a
 * budget, so its cost says nothing about growth. {@code benchmarks/scripts/growth.sh} turns the
 * lines into the growth table and judges them; this class only measures.
 *
 * <p>Cost is thread CPU time and thread-allocated bytes (HotSpot's per-thread counters), which a
 * loaded machine does not distort the way it distorts wall time. A scan of one file runs on the
 * calling thread, a directory on the calling thread and the common fork-join pool, so the cost is
 * the sum of the counters' growth over every live thread of the JVM between the start and the end
 * of the scan. That leaves out the reading of the files: their reader thread (ReadAhead) has ended
 * by then; reading is linear in the bytes and a few per cent of a scan. Each size is scanned
 * several times and the smallest cost is kept (the JIT is warmed up on {@code fixtures/} and on
 * every 1 × input first).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.cfnsecrets.bench.GrowthRunner
 * [NAME-SUBSTRING...]} from the checkout.
 */
public final class GrowthRunner {
    private static final int[] FACTORS = {1, 4, 16};

    /**
     * Measured runs per factor, the cheapest kept: noise only adds, and the 1 × point, a few tens
     * of milliseconds, is the most easily disturbed.
     */
    private static final int[] RUNS = {7, 5, 5};

    /** A 16 × run over this many ms of CPU is not repeated: one such run is already stable. */
    private static final long LONG_RUN_MS = 10_000;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Scanner scanner = BuiltInRules.scanner(ScanOptions.DEFAULT);

    private GrowthRunner() {}

    public static void main(String[] args) throws IOException {
        List<GrowthInputs.Dimension> dimensions =
                GrowthInputs.all().stream()
                        .filter(
                                d ->
                                        args.length == 0
                                                || Stream.of(args).anyMatch(d.name()::contains))
                        .toList();
        GrowthRunner runner = new GrowthRunner();
        runner.warmUp(dimensions);
        System.out.println(
                "dimension\tunits 1x\tunits 16x\tbytes 1x\tbytes 16x"
                        + "\tcpu ms 1x\tcpu ms 4x\tcpu ms 16x\talloc 1x\talloc 4x\talloc 16x"
                        + "\tfindings 1x\tCFS001 1x\tfindings 16x\tCFS001 16x");
        for (GrowthInputs.Dimension dimension : dimensions) {
            StringBuilder line = new StringBuilder(dimension.name());
            line.append('\t').append(dimension.base()).append('\t').append(dimension.base() * 16);
            line.append('\t').append(bytes(dimension.at(1))).append('\t');
            line.append(bytes(dimension.at(16)));
            Cost[] costs = new Cost[FACTORS.length];
            for (int f = 0; f < FACTORS.length; f++) {
                costs[f] = runner.cheapest(dimension.at(FACTORS[f]), RUNS[f]);
            }
            for (Cost cost : costs) {
                line.append('\t').append(String.format("%.1f", cost.cpuNanos() / 1e6));
            }
            for (Cost cost : costs) {
                line.append('\t').append(cost.allocatedBytes());
            }
            for (Cost cost : new Cost[] {costs[0], costs[2]}) {
                line.append('\t').append(cost.findings()).append('\t').append(cost.unreadable());
            }
            System.out.println(line);
        }
    }

    private static long bytes(GrowthInputs.Input input) {
        return input.files().values().stream()
                .mapToLong(text -> text.getBytes(StandardCharsets.UTF_8).length)
                .sum();
    }

    private void warmUp(List<GrowthInputs.Dimension> dimensions) throws IOException {
        Path fixtures = Inputs.repositoryRoot().resolve("fixtures");
        for (int i = 0; i < 2; i++) {
            report(scanner.scan(List.of(fixtures.toString()), GrowthRunner::noStdin));
        }
        for (GrowthInputs.Dimension dimension : dimensions) {
            cheapest(dimension.at(1), 3);
        }
    }

    /**
     * The cost of the cheapest of {@code runs} scans of {@code input}, written to a temporary
     * directory.
     */
    private Cost cheapest(GrowthInputs.Input input, int runs) throws IOException {
        Path dir = Files.createTempDirectory("cfn-secrets-growth");
        try {
            for (Map.Entry<String, String> file : input.files().entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue());
            }
            String scanned = dir.resolve(input.scanned()).normalize().toString();
            Cost best = null;
            for (int run = 0; run < runs; run++) {
                ScanResult[] result = new ScanResult[1];
                Cost cost =
                        measure(
                                () -> {
                                    result[0] =
                                            scanner.scan(List.of(scanned), GrowthRunner::noStdin);
                                    report(result[0]);
                                });
                cost = cost.withFindings(result[0]);
                best = best == null ? cost : best.min(cost);
                if (cost.cpuNanos() > LONG_RUN_MS * 1_000_000) {
                    break;
                }
            }
            return best;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static ByteArrayInputStream noStdin() {
        return new ByteArrayInputStream(new byte[0]);
    }

    /**
     * Writes the SARIF report and the text report nowhere: rendering and redaction are part of a
     * scan's cost, and the text report, the only one that shows source lines, redacts them too.
     */
    private static void report(ScanResult result) {
        try {
            for (Format format : List.of(Format.SARIF, Format.TEXT)) {
                Reporter reporter =
                        Reporters.of(format, false, false, SarifContext.ofWorkingDirectory());
                reporter.write(result, Writer.nullWriter());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scan's cost, with how many findings it gave and how many of them were CFS001. */
    record Cost(long cpuNanos, long allocatedBytes, long findings, long unreadable) {
        Cost min(Cost other) {
            return new Cost(
                    Math.min(cpuNanos, other.cpuNanos),
                    Math.min(allocatedBytes, other.allocatedBytes),
                    findings,
                    unreadable);
        }

        Cost withFindings(ScanResult result) {
            return new Cost(
                    cpuNanos,
                    allocatedBytes,
                    result.findings().size(),
                    result.findings().stream().filter(f -> f.ruleId().equals("CFS001")).count());
        }
    }

    /** What {@code work} cost every thread of this JVM together. */
    private static Cost measure(Runnable work) {
        Map<Long, long[]> before = counters();
        work.run();
        Map<Long, long[]> after = counters();
        long cpu = 0;
        long allocated = 0;
        for (Map.Entry<Long, long[]> thread : after.entrySet()) {
            long[] start = before.getOrDefault(thread.getKey(), new long[2]);
            cpu += Math.max(0, thread.getValue()[0] - start[0]);
            allocated += Math.max(0, thread.getValue()[1] - start[1]);
        }
        return new Cost(cpu, allocated, 0, 0);
    }

    /** Per live thread: its CPU time and allocated bytes so far. */
    private static Map<Long, long[]> counters() {
        long[] ids = THREADS.getAllThreadIds();
        long[] cpu = THREADS.getThreadCpuTime(ids);
        long[] allocated = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, long[]> counters = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (cpu[i] >= 0 && allocated[i] >= 0) {
                counters.put(ids[i], new long[] {cpu[i], allocated[i]});
            }
        }
        return counters;
    }
}
