package dev.cfnsecrets.bench;

import dev.cfnsecrets.scan.EachInParallel;
import dev.cfnsecrets.scan.FileWalker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The yardstick a whole scan is measured against: the least work any scanner of these files must
 * do. It walks the folders named on the command line, reads every file the scanner would read (its
 * own {@link FileWalker} lists them) and composes it with snakeyaml-engine into a node tree with
 * source marks (JSON is YAML), with the scanner's own scheduling over both cores ({@link
 * EachInParallel}), and runs no rule and writes no report. It prints the files read, the documents
 * that failed to parse and the nodes composed, so that no work can be optimised away.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.cfnsecrets.bench.ParseOnly
 * FOLDER...}; {@code bench/compare.sh} times it beside a scan of the same folders. With {@code
 * --list FOLDER...} it only prints those files, a line each (the files compare.sh gives cfn-lint).
 */
public final class ParseOnly {
    private static final LoadSettings SETTINGS =
            LoadSettings.builder()
                    .setUseMarks(true)
                    .setAllowDuplicateKeys(true)
                    .setCodePointLimit(Integer.MAX_VALUE)
                    .build();

    private ParseOnly() {}

    /** What a pass composed: files read, documents that failed to parse, nodes composed. */
    record Pass(int files, long failed, long nodes) {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--list")) {
            FileWalker.expand(Stream.of(args).skip(1).map(Path::of).toList())
                    .forEach(System.out::println);
            return;
        }
        Pass pass = over(Stream.of(args).map(Path::of).toList());
        System.out.printf(
                "parse-only: %d files, %d failed to parse, %d nodes%n",
                pass.files(), pass.failed(), pass.nodes());
    }

    static Pass over(List<Path> folders) {
        List<Path> files = FileWalker.expand(folders);
        // The scanner's own scheduling, so that the yardstick keeps both cores as busy as a scan.
        List<Long> composed = EachInParallel.map(files, ParseOnly::composeOrFail);
        long failed = composed.stream().filter(n -> n < 0).count();
        long nodes = composed.stream().filter(n -> n >= 0).mapToLong(Long::longValue).sum();
        return new Pass(files.size(), failed, nodes);
    }

    /** The nodes of the file's documents, or -1 when it does not parse. */
    private static long composeOrFail(Path file) {
        try {
            return compose(read(file));
        } catch (YamlEngineException | StackOverflowError e) {
            // Broken or hostile input (fixtures/ has a 10,000-level document) counts as a failed
            // document, as the scanner reports it.
            return -1;
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Composes every document of {@code text} and returns how many nodes they hold. */
    private static long compose(String text) {
        long count = 0;
        for (Node root : new Compose(SETTINGS).composeAllFromString(text)) {
            count += size(root);
        }
        return count;
    }

    private static long size(Node node) {
        long count = 1;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                count += size(tuple.getKeyNode()) + size(tuple.getValueNode());
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                count += size(item);
            }
        }
        return count;
    }
}
