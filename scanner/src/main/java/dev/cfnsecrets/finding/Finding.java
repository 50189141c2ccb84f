package dev.cfnsecrets.finding;

import dev.cfnsecrets.source.Span;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One result of one rule. It knows no output format. {@code secrets} lists the secret values the
 * message or the source line may contain: every reporter redacts them unless told otherwise. {@code
 * value} is what the fingerprint hashes (never printed). {@code securitySeverity} (0–10) overrides
 * the rule's catalog severity for this result, e.g. by the blast radius of a credential.
 *
 * @param logicalId the resource (or parameter, output) logical id, or null for file-level findings
 * @param propertyPath the path in the document, e.g. {@code
 *     Resources/Fn/Properties/Environment/Variables/API_KEY}
 * @param cdkPath the CDK construct path ({@code Metadata["aws:cdk:path"]}, else the cloud
 *     assembly's metadata), or null
 * @param repositoryFile {@code file} relative to the repository root (the git work tree of the
 *     scanned paths, else the configuration's folder, see {@code SourceRoot}), which fingerprints
 *     and baselines use so that they do not depend on the working directory; {@code file} itself
 *     until the scanner places the finding
 * @param cdkStack the CDK stack whose template the finding is in ({@code Prod/Api}, a nested stack
 *     under its parent's name), when the template was read from a cloud assembly; else null
 * @param source for a finding on an element of a CDK app, the line of the user's code that created
 *     its construct (a file of the checkout, shown like {@code file}), which reports show first;
 *     {@code file} and {@code span} stay where the rule found it, in the synthesised template
 */
public record Finding(
        String ruleId,
        Level level,
        String message,
        String file,
        Span span,
        String logicalId,
        String propertyPath,
        String cdkPath,
        List<Location> related,
        List<String> secrets,
        String value,
        Optional<Double> securitySeverity,
        Optional<Fix> fix,
        Optional<Suppression> suppression,
        String repositoryFile,
        String cdkStack,
        Optional<Location> source) {

    public Finding {
        related = List.copyOf(related);
        secrets = List.copyOf(secrets);
    }

    /** A finding as a rule reports it: in the repository under its shown path. */
    public Finding(
            String ruleId,
            Level level,
            String message,
            String file,
            Span span,
            String logicalId,
            String propertyPath,
            String cdkPath,
            List<Location> related,
            List<String> secrets,
            String value,
            Optional<Double> securitySeverity,
            Optional<Fix> fix,
            Optional<Suppression> suppression) {
        this(
                ruleId,
                level,
                message,
                file,
                span,
                logicalId,
                propertyPath,
                cdkPath,
                related,
                secrets,
                value,
                securitySeverity,
                fix,
                suppression,
                file,
                null,
                Optional.empty());
    }

    /** This finding, its file being {@code path} relative to the repository root. */
    public Finding inRepository(String path) {
        return copy(cdkPath, suppression, path, cdkStack, source);
    }

    public Finding suppressed(Suppression why) {
        return copy(cdkPath, Optional.of(why), repositoryFile, cdkStack, source);
    }

    /**
     * This finding in a template of the CDK stack {@code stack}, on the construct {@code path}
     * (null: none known).
     */
    public Finding inCdkStack(String stack, String path) {
        return copy(path, suppression, repositoryFile, stack, source);
    }

    /** This finding, shown first at {@code where}: the user's line that created its construct. */
    public Finding atSource(Location where) {
        return copy(cdkPath, suppression, repositoryFile, cdkStack, Optional.of(where));
    }

    /** This finding with the components a scan adds once the rules have run. */
    private Finding copy(
            String construct,
            Optional<Suppression> suppressedBy,
            String inRepository,
            String stack,
            Optional<Location> shownAt) {
        return new Finding(
                ruleId,
                level,
                message,
                file,
                span,
                logicalId,
                propertyPath,
                construct,
                related,
                secrets,
                value,
                securitySeverity,
                fix,
                suppressedBy,
                inRepository,
                stack,
                shownAt);
    }

    public boolean isSuppressed() {
        return suppression.isPresent();
    }

    /**
     * Stable identity for code scanning and baselines: rule, repository-relative file, property
     * path and a hash of the value — never line numbers, so alerts survive edits above them, and
     * never the working directory, so a scan from a subfolder matches one from the root.
     */
    public String fingerprint() {
        return sha256(
                ruleId
                        + "\n"
                        + repositoryFile
                        + "\n"
                        + propertyPath
                        + "\n"
                        + sha256(value == null ? "" : value));
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
