package dev.cfnsecrets.model;

import dev.cfnsecrets.source.InputProblem;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.SourceFile;
import java.util.Optional;

/** What a scanned file turned out to be: a template, a policy document, unreadable, or not ours. */
public sealed interface Document {
    /** The file's path as reports show it. */
    String path();

    /** The decoded text, when the file got that far (reports show its lines). */
    Optional<SourceFile> source();

    /**
     * The first duplicate key of a template or policy document that is scanned anyway, with the
     * last value of each duplicate key as CloudFormation uses it (CFS001 still reports it).
     */
    default Optional<InputProblem> duplicateKey() {
        return Optional.empty();
    }

    /** A CloudFormation, SAM or CDK-synthesised template. */
    record TemplateDocument(Template template, Optional<InputProblem> duplicateKey)
            implements Document {
        public TemplateDocument(Template template) {
            this(template, Optional.empty());
        }

        public String path() {
            return template.source().path();
        }

        public Optional<SourceFile> source() {
            return Optional.of(template.source());
        }
    }

    /** A standalone IAM policy document: its top level has {@code Statement}. */
    record PolicyDocument(SourceFile text, Node root, Optional<InputProblem> duplicateKey)
            implements Document {
        public PolicyDocument(SourceFile text, Node root) {
            this(text, root, Optional.empty());
        }

        public String path() {
            return text.path();
        }

        public Optional<SourceFile> source() {
            return Optional.of(text);
        }
    }

    /**
     * A file that could not be read or parsed; reported as CFS001. {@code text} is null when not
     * decoded.
     */
    record Unreadable(String path, SourceFile text, InputProblem problem) implements Document {
        public Optional<SourceFile> source() {
            return Optional.ofNullable(text);
        }
    }

    /** Anything else (workflows, package.json, CDK manifests): skipped silently and counted. */
    record NotOurs(String path) implements Document {
        public Optional<SourceFile> source() {
            return Optional.empty();
        }
    }
}
