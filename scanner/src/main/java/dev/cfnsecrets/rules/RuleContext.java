package dev.cfnsecrets.rules;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.eval.Evaluator;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Fix;
import dev.cfnsecrets.finding.Level;
import dev.cfnsecrets.finding.Location;
import dev.cfnsecrets.finding.Suppression;
import dev.cfnsecrets.model.Document;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.rules.values.CredentialSearchCache;
import dev.cfnsecrets.rules.values.LineSecrets;
import dev.cfnsecrets.secrets.CredentialDetector;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a rule sees of one document, and where it reports. One context per document and rule run;
 * the contexts of one document share a {@link DocumentScope} (its evaluator and shared results).
 */
public final class RuleContext {
    private final DocumentScope scope;
    private final Catalog catalog;
    private final Map<String, Level> levels;
    private final List<Finding> findings = new ArrayList<>();

    /**
     * A context that shares {@code scope} with the other rules' contexts of the same document;
     * {@code levels} overrides catalog levels by rule id (from the configuration).
     */
    public RuleContext(DocumentScope scope, Catalog catalog, Map<String, Level> levels) {
        this.scope = scope;
        this.catalog = catalog;
        this.levels = levels;
    }

    public Document document() {
        return scope.document();
    }

    public Optional<Template> template() {
        return scope.template();
    }

    public RuleSettings settings() {
        return scope.settings();
    }

    /**
     * Whether this document is a template the AWS CDK synthesised ({@link Template#isCdkOutput()}):
     * its findings' advice then speaks of the app's constructs ({@link CdkAdvice}).
     */
    public boolean inCdkApp() {
        return template().map(Template::isCdkOutput).orElse(false);
    }

    /**
     * Records that a rule spent its budget on this document: CFS001 reports it once, with what was
     * left out.
     */
    public void stopped(Evaluator.Stop stop) {
        scope.stopped(stop);
    }

    /** The evaluator of this document's template (shared by all rules of the document). */
    public Evaluator evaluator() {
        return scope.evaluator();
    }

    /** Records why a value under a secret name is not a secret ({@code --verbose} shows it). */
    public void judgedNotSecret(String line) {
        scope.judgedNotSecret(line);
    }

    /** The result of a computation several rules need, made once per document. */
    public <T> T shared(Shared<T> computation) {
        return scope.shared(computation);
    }

    /**
     * {@code more} with the secrets on a line of this document ({@link LineSecrets#with}). Reports
     * show a finding's first line, which may hold a secret that no rule examined (a file that does
     * not parse, a property no rule reads, another value of a one-line flow map): it must be hidden
     * like the finding's own.
     */
    private List<String> withSecretsOnLine(int line, List<String> more) {
        return document()
                .source()
                .map(source -> LineSecrets.with(this, source, line, more))
                .orElse(more);
    }

    /** Starts a finding of {@code ruleId} at its catalog level, in this document's file. */
    public Builder report(String ruleId) {
        return new Builder(ruleId, levels.getOrDefault(ruleId, catalog.get(ruleId).level()));
    }

    /**
     * Reports each stop of this document not reported yet as its CFS001, with what was left out:
     * what the evaluator could not finish and what rules stopped short of, for the document's own
     * evaluation and rules (the CFS001 rule, last) and after a rule that runs across documents
     * (live mode's CFS305 over an account), so both read the same.
     */
    public void reportStops() {
        scope.unreportedStops().forEach(this::reportStop);
    }

    private void reportStop(Evaluator.Stop stop) {
        report("CFS001")
                .at(stop.at())
                .message(
                        document().path()
                                + " cannot be scanned fully: "
                                + stop.reason()
                                + ". "
                                + stop.consequence())
                .value(stop.reason().replaceAll("\\d+", "#"))
                .add();
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** Collects one finding; {@link #add()} records it. */
    public final class Builder {
        private final String ruleId;
        private final Level level;
        private String message = "";
        private Span span = Span.point(1, 1);
        private String logicalId;
        private String propertyPath = "";
        private String cdkPath;
        private final List<Location> related = new ArrayList<>();
        private final List<String> secrets = new ArrayList<>();
        private String value;
        private Fix fix;
        private Double securitySeverity;
        private Suppression suppression;

        private Builder(String ruleId, Level level) {
            this.ruleId = ruleId;
            this.level = level;
        }

        public Builder message(String text) {
            this.message = text;
            return this;
        }

        /** The offending node: its span and its document path. */
        public Builder at(Node node) {
            this.span = node.span();
            this.propertyPath = node.path();
            return this;
        }

        public Builder at(Span where, String path) {
            this.span = where;
            this.propertyPath = path;
            return this;
        }

        /** The resource the finding is about: its logical id and CDK construct path. */
        public Builder resource(Resource resource) {
            this.logicalId = resource.logicalId();
            this.cdkPath = resource.cdkPath().orElse(null);
            return this;
        }

        /** A logical id that is not a resource (a Parameter or Output name). */
        public Builder logicalId(String id) {
            this.logicalId = id;
            return this;
        }

        public Builder related(Span where, String note) {
            related.add(new Location(document().path(), where, note));
            return this;
        }

        /**
         * A place in another file: a nested stack's child template, another document of a live
         * scan.
         */
        public Builder related(String file, Span where, String note) {
            related.add(new Location(file, where, note));
            return this;
        }

        /** A secret value that the message or source line may contain: reporters redact it. */
        public Builder secret(String secret) {
            if (secret != null && !secret.isEmpty()) {
                secrets.add(secret);
            }
            return this;
        }

        /** What the fingerprint hashes: the offending value (defaults to the message). */
        public Builder value(String fingerprinted) {
            this.value = fingerprinted;
            return this;
        }

        public Builder fix(Fix mechanicalFix) {
            this.fix = mechanicalFix;
            return this;
        }

        /** GitHub's 0–10 security severity of this result, when it differs from the rule's. */
        public Builder securitySeverity(double severity) {
            this.securitySeverity = severity;
            return this;
        }

        /**
         * Silenced where the document's own filters cannot see it: a finding about a resource of
         * another document (a cross-document rule) that the resource's Metadata ignores.
         */
        public Builder suppressed(Suppression why) {
            this.suppression = why;
            return this;
        }

        public void add() {
            List<String> own = new ArrayList<>(secrets);
            // A message quotes rendered values, and a Parameter default or Mapping value
            // substituted into one may be a credential that this rule does not look for.
            CredentialSearchCache.everyFormat(
                            RuleContext.this, message, CredentialDetector.Context.NONE)
                    .forEach(m -> own.add(m.secret()));
            List<String> hidden = withSecretsOnLine(span.startLine(), own);
            findings.add(
                    new Finding(
                            ruleId,
                            level,
                            message,
                            document().path(),
                            span,
                            logicalId,
                            propertyPath,
                            cdkPath,
                            related,
                            hidden,
                            value == null ? message : value,
                            Optional.ofNullable(securitySeverity),
                            Optional.ofNullable(fix),
                            Optional.ofNullable(suppression)));
        }
    }
}
