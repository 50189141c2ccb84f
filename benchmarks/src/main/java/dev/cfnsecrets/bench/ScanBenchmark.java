package dev.cfnsecrets.bench;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.scan.Scanner;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The whole engine with every rule, in a warm JVM: what a long-running caller (the Maven plugin, a
 * large directory scan) pays per template, without JVM start-up, which the whole-process timings in
 * BENCHMARKS.md cover.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScanBenchmark extends StandardRun {
    @Param({"10", "100"})
    public int functions;

    private final Scanner scanner = BuiltInRules.scanner(ScanOptions.DEFAULT);
    private byte[] template;
    private String fixtures;

    @Setup
    public void prepare() {
        template = SyntheticTemplate.sam(functions).getBytes(StandardCharsets.UTF_8);
        fixtures = Inputs.repositoryRoot().resolve("fixtures").toString();
    }

    /** One synthetic template (read as stdin, so no file system) through every rule. */
    @Benchmark
    public ScanResult syntheticTemplate() {
        return scanner.scan(List.of(Scanner.STDIN), () -> new ByteArrayInputStream(template));
    }

    /**
     * The repository's {@code fixtures/} directory: every rule's catching and leaving-alone cases
     * and the bad inputs, walked and scanned in parallel as the CLI does. Independent of {@code
     * functions}; JMH runs it once per value.
     */
    @Benchmark
    public ScanResult fixturesDirectory() {
        return scanner.scan(List.of(fixtures), () -> new ByteArrayInputStream(new byte[0]));
    }
}
