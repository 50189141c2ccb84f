package dev.cfnsecrets.bench;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run settings every benchmark here shares (JMH inherits them): average time per operation, one
 * fork, short iterations — enough for the stages' relative costs on a 2-core machine; pass {@code
 * -wi}/{@code -i}/{@code -f} on the command line for a longer run.
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class StandardRun {}
