package dev.cfnsecrets.model;

import dev.cfnsecrets.source.InputProblem;
import dev.cfnsecrets.source.Limits;
import dev.cfnsecrets.source.ReadAhead;
import dev.cfnsecrets.source.SourceFile;
import dev.cfnsecrets.source.SourceReader;
import dev.cfnsecrets.source.TreeParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** File or stream to {@link Document}: read, parse, classify. Never throws for bad content. */
public final class DocumentLoader {
    private final Limits limits;
    private final SourceReader reader;

    public DocumentLoader(Limits limits) {
        this.limits = limits;
        this.reader = new SourceReader(limits);
    }

    public Document load(Path file, String displayPath) {
        return load(() -> reader.read(file, displayPath), displayPath, "file");
    }

    /** {@code file}, taken from {@code files}, read ahead with this loader's limits. */
    public Document load(Path file, String displayPath, ReadAhead files) {
        return load(() -> reader.read(file, displayPath, files), displayPath, "file");
    }

    /** The files of a scan, read ahead with this loader's limits. */
    public ReadAhead readAhead(List<Path> files) {
        return reader.readAhead(files);
    }

    public Document load(InputStream in, String displayPath) {
        return load(() -> reader.read(in, displayPath), displayPath, "input");
    }

    /** A read of the source: a problem with its content, or an I/O error. */
    private interface Read {
        SourceFile read() throws InputProblem, IOException;
    }

    /** Either failure of {@code read} makes the document unreadable; {@code what} it read. */
    private Document load(Read read, String displayPath, String what) {
        SourceFile source;
        try {
            source = read.read();
        } catch (InputProblem e) {
            return new Document.Unreadable(displayPath, null, e);
        } catch (IOException e) {
            return new Document.Unreadable(
                    displayPath,
                    null,
                    new InputProblem("cannot read " + what + ": " + e.getMessage(), 1, 1));
        }
        return parse(source);
    }

    public Document parse(SourceFile source) {
        try {
            TreeParser.Parsed parsed = TreeParser.read(source, limits);
            return parsed.root()
                    .map(r -> DocumentClassifier.classify(source, r, parsed.duplicateKey()))
                    .orElseGet(() -> new Document.NotOurs(source.path()));
        } catch (InputProblem e) {
            return new Document.Unreadable(source.path(), source, e);
        } catch (StackOverflowError e) {
            return new Document.Unreadable(
                    source.path(),
                    source,
                    new InputProblem("nesting too deep for the parser", 1, 1));
        }
    }
}
