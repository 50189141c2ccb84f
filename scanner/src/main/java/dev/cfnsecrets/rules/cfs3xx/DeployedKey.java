package dev.cfnsecrets.rules.cfs3xx;

import dev.cfnsecrets.iam.Actions;
import dev.cfnsecrets.iam.Exposure;
import dev.cfnsecrets.iam.IamPrincipal;
import dev.cfnsecrets.iam.PrincipalEntry;
import dev.cfnsecrets.iam.StandaloneEvaluator;
import dev.cfnsecrets.iam.Statement;
import dev.cfnsecrets.iam.StatementReader;
import dev.cfnsecrets.iam.Target;
import dev.cfnsecrets.source.InputProblem;
import dev.cfnsecrets.source.Limits;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.SourceFile;
import dev.cfnsecrets.source.TreeParser;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A deployed KMS key that encrypts a function's environment, with its key policy: who of the
 * account may decrypt with it (docs/facts.md#environment-encryption-and-kms: without decrypt, the
 * environment is not shown). The judgement is the template rule's ({@link
 * PrincipalCanReadFunctionSecrets}): a key-policy statement that names the principal or lets
 * everyone decrypt ({@link Exposure#openKeyDecrypt}, CFS303's reading of conditions and Denies), or
 * a key policy that defers to the account's IAM and an IAM grant of decryption on this key,
 * explicit Denies honoured.
 */
final class DeployedKey {
    private final String arn;
    private final List<Statement> keyPolicy;
    private final Set<String> account;

    private DeployedKey(String arn, List<Statement> keyPolicy) {
        this.arn = arn;
        this.keyPolicy = keyPolicy;
        String[] fields = arn.split(":", 6);
        this.account = Set.of(fields[4], "arn:" + fields[1] + ":iam::" + fields[4] + ":root");
    }

    /**
     * The key of {@code arn} with the statements of its key policy; empty when the text is not a
     * policy document.
     */
    static Optional<DeployedKey> of(String arn, String policyText) {
        SourceFile source = new SourceFile("key policy of " + arn, policyText);
        try {
            Optional<Node> root = TreeParser.parse(source, Limits.DEFAULT);
            return root.map(
                    node ->
                            new DeployedKey(
                                    arn,
                                    new StatementReader(StandaloneEvaluator.of(source))
                                            .read(node)));
        } catch (InputProblem e) {
            return Optional.empty();
        }
    }

    /**
     * How the principal (its ARN is its logical id in the account's IAM document) may decrypt with
     * this key, for the message; empty when it may not. {@code set}: its IAM statements.
     */
    Optional<String> decryptBy(IamPrincipal principal, List<Statement> set) {
        for (Statement s : keyPolicy) {
            if (Exposure.openKeyDecrypt(s, keyPolicy).isPresent()) {
                return Optional.of("its key policy lets everyone decrypt");
            }
            if (allowsDecrypt(s) && names(s, principal.logicalId())) {
                return Optional.of("its key policy names this principal");
            }
        }
        if (keyPolicy.stream()
                        .anyMatch(
                                s ->
                                        allowsDecrypt(s)
                                                && s.principals().stream()
                                                        .anyMatch(this::isAccount))
                && Exposure.identityDecrypts(Target.deployedKey(arn), set)) {
            return Optional.of(
                    "its key policy defers to IAM, and this principal's IAM policies allow kms:Decrypt on it");
        }
        return Optional.empty();
    }

    private static boolean allowsDecrypt(Statement s) {
        return s.isAllow()
                && !s.notPrincipal()
                && Actions.DECRYPT.stream().anyMatch(a -> Actions.covering(s, a).isPresent());
    }

    private static boolean names(Statement s, String principalArn) {
        return s.principals().stream()
                .anyMatch(
                        p ->
                                p.type().equals("AWS")
                                        && p.value().isLiteral()
                                        && p.value().shown().equals(principalArn));
    }

    /**
     * The account root ({@code arn:PARTITION:iam::ACCOUNT:root}, or the bare account id): the key
     * policy defers to IAM.
     */
    private boolean isAccount(PrincipalEntry p) {
        return p.type().equals("AWS")
                && p.value().isLiteral()
                && account.contains(p.value().shown());
    }
}
