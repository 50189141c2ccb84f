package dev.cfnsecrets.model;

import dev.cfnsecrets.source.InputProblem;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.SourceFile;

/** What a scanned file turned out to be (SPEC §2). */
public sealed interface Document {
    /** The file's path as reports show it. */
    String path();

    /** A CloudFormation, SAM or CDK-synthesised template. */
    record TemplateDocument(Template template) implements Document {
        public String path() {
            return template.source().path();
        }
    }

    /** A standalone IAM policy document: its top level has {@code Statement}. */
    record PolicyDocument(SourceFile source, Node root) implements Document {
        public String path() {
            return source.path();
        }
    }

    /** A file that could not be read or parsed; reported as CFS001. {@code source} is null when not decoded. */
    record Unreadable(String path, SourceFile source, InputProblem problem) implements Document {
    }

    /** Anything else (workflows, package.json, CDK manifests): skipped silently and counted. */
    record NotOurs(String path) implements Document {
    }
}
