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

    /** A CloudFormation, SAM or CDK-synthesised template. */
    record TemplateDocument(Template template) implements Document {
        public String path() {
            return template.source().path();
        }

        public Optional<SourceFile> source() {
            return Optional.of(template.source());
        }
    }

    /** A standalone IAM policy document: its top level has {@code Statement}. */
    record PolicyDocument(SourceFile text, Node root) implements Document {
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
