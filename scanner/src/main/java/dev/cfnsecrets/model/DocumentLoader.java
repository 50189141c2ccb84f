package dev.cfnsecrets.model;

import dev.cfnsecrets.source.InputProblem;
import dev.cfnsecrets.source.Limits;
import dev.cfnsecrets.source.SourceFile;
import dev.cfnsecrets.source.SourceReader;
import dev.cfnsecrets.source.TreeParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** File or stream to {@link Document}: read, parse, classify. Never throws for bad content. */
public final class DocumentLoader {
    private final Limits limits;
    private final SourceReader reader;

    public DocumentLoader(Limits limits) {
        this.limits = limits;
        this.reader = new SourceReader(limits);
    }

    public Document load(Path file, String displayPath) {
        SourceFile source;
        try {
            source = reader.read(file, displayPath);
        } catch (InputProblem e) {
            return new Document.Unreadable(displayPath, null, e);
        } catch (IOException e) {
            return new Document.Unreadable(
                    displayPath,
                    null,
                    new InputProblem("cannot read file: " + e.getMessage(), 1, 1));
        }
        return parse(source);
    }

    public Document load(InputStream in, String displayPath) {
        try {
            return parse(reader.read(in, displayPath));
        } catch (InputProblem e) {
            return new Document.Unreadable(displayPath, null, e);
        } catch (IOException e) {
            return new Document.Unreadable(
                    displayPath,
                    null,
                    new InputProblem("cannot read input: " + e.getMessage(), 1, 1));
        }
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
