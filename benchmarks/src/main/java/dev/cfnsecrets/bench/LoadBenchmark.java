package dev.cfnsecrets.bench;

import dev.cfnsecrets.model.Document;
import dev.cfnsecrets.model.DocumentLoader;
import dev.cfnsecrets.source.InputProblem;
import dev.cfnsecrets.source.Limits;
import dev.cfnsecrets.source.SourceFile;
import dev.cfnsecrets.source.SourceReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Source text to document: YAML events to the node tree with spans and paths, then classification.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LoadBenchmark extends StandardRun {
    @Param({"10", "100"})
    public int functions;

    private final DocumentLoader loader = new DocumentLoader(Limits.DEFAULT);
    private SourceFile source;

    @Setup
    public void read() throws IOException, InputProblem {
        byte[] bytes = SyntheticTemplate.sam(functions).getBytes(StandardCharsets.UTF_8);
        source =
                new SourceReader(Limits.DEFAULT)
                        .read(new ByteArrayInputStream(bytes), "synthetic.yaml");
    }

    @Benchmark
    public Document parse() {
        return loader.parse(source);
    }
}
