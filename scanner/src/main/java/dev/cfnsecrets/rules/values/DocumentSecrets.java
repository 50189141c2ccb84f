package dev.cfnsecrets.rules.values;

import dev.cfnsecrets.eval.Value;
import dev.cfnsecrets.model.Document;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.Shared;
import dev.cfnsecrets.secrets.CredentialDetector;
import dev.cfnsecrets.secrets.CredentialMatch;
import dev.cfnsecrets.secrets.SecretNames;
import dev.cfnsecrets.source.ListNode;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.ScalarNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every literal of a document that reports must hide wherever it is shown, found from the tree and
 * not from one finding: the value behind each secret name ({@code DB_PASSWORD}, {@code
 * MasterUserPassword}, a secret-named Parameter's {@code Default}) that looks like a secret, with
 * every {@code Fn::If} branch and every piece of a {@code Fn::Join} — a piece alone is not a
 * secret, but the shown lines hold the pieces — the literal slices of the credentials of known
 * formats that the rules find in the rendered value of a {@code Fn::Join} or of a {@code Fn::Sub}
 * with a variable map (a token split into pieces, a URL's password before an unknown host, a
 * variable map's entry); in a policy document, not evaluated, the pieces of a {@code Fn::Join}
 * whose literals together hold a credential; and the secrets inside a document a scalar holds
 * ({@link InnerSecrets}: a JSON value's password, a query string's token).
 */
final class DocumentSecrets {
    private static final Shared<AtomicReference<Set<String>>> FOUND =
            new Shared<>(scope -> new AtomicReference<>());

    private DocumentSecrets() {}

    static Set<String> of(RuleContext rules) {
        AtomicReference<Set<String>> found = rules.shared(FOUND);
        if (found.get() == null) {
            found.set(collect(rules));
        }
        return found.get();
    }

    private static Set<String> collect(RuleContext rules) {
        Document document = rules.document();
        Optional<Node> root =
                document instanceof Document.TemplateDocument t
                        ? Optional.of(t.template().root())
                        : document instanceof Document.PolicyDocument p
                                ? Optional.of(p.root())
                                : Optional.empty();
        Set<String> secrets = new LinkedHashSet<>();
        Deque<Node> pending = new ArrayDeque<>();
        root.ifPresent(pending::push);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof ScalarNode scalar && !scalar.isNull()) {
                InnerSecrets.in(rules, scalar.value()).forEach(m -> secrets.add(m.secret()));
            } else if (node instanceof ListNode list) {
                list.items().forEach(pending::push);
            } else if (node instanceof MapNode map) {
                for (MapNode.Entry entry : map.entries()) {
                    if (SecretNames.isSecretName(entry.name())) {
                        secrets.addAll(secretPieces(rules, entry.name(), entry.value()));
                    }
                    if (isAssembly(entry)
                            && map.intrinsic().isPresent()
                            && document instanceof Document.TemplateDocument) {
                        secrets.addAll(assembledCredentials(rules, map));
                    } else if ("Fn::Join".equals(entry.name())) {
                        secrets.addAll(joinedCredential(rules, entry.value()));
                    }
                    pending.push(entry.value());
                }
            }
        }
        return secrets;
    }

    /**
     * The literals a secret-named value is made of, if together or alone they look like a secret.
     */
    private static List<String> secretPieces(RuleContext rules, String name, Node value) {
        List<String> pieces = new ArrayList<>();
        literals(value, pieces);
        String joined = String.join("", pieces);
        boolean secret =
                ValueSecrets.looksLikeSecretValue(rules, name, joined)
                        || pieces.stream()
                                .anyMatch(p -> ValueSecrets.looksLikeSecretValue(rules, name, p));
        return secret ? pieces : List.of();
    }

    /**
     * The pieces of a {@code Fn::Join} whose literal text holds a credential of a known format,
     * where it cannot be evaluated.
     */
    private static List<String> joinedCredential(RuleContext rules, Node join) {
        if (!(join instanceof ListNode args) || args.items().size() != 2) {
            return List.of();
        }
        List<String> pieces = new ArrayList<>();
        literals(args.items().get(1), pieces);
        String joined =
                String.join(args.items().get(0) instanceof ScalarNode s ? s.value() : "", pieces);
        return CredentialSearchCache.everyFormat(rules, joined, CredentialDetector.Context.NONE)
                        .isEmpty()
                ? List.of()
                : pieces;
    }

    /** A {@code Fn::Join}, or a {@code Fn::Sub} with a variable map. */
    private static boolean isAssembly(MapNode.Entry entry) {
        return "Fn::Join".equals(entry.name())
                || "Fn::Sub".equals(entry.name()) && entry.value() instanceof ListNode;
    }

    /**
     * The slices of literal pieces that make up a credential the rendered value of an assembling
     * intrinsic holds, the unknown pieces as gaps ({@code ["postgres://app:", "…", "@", !Ref
     * Host]}, a variable map's entry): what the rules find in every alternative of the value.
     */
    private static List<String> assembledCredentials(RuleContext rules, MapNode intrinsic) {
        List<String> slices = new ArrayList<>();
        for (Value.Text text : rules.evaluator().evaluate(intrinsic).alternatives()) {
            Rendered rendered = Rendered.of(text);
            for (CredentialMatch m :
                    CredentialSearchCache.everyFormat(
                            rules, rendered.detectable(), CredentialDetector.Context.NONE)) {
                slices.addAll(rendered.literalSlices(m.start(), m.end()));
            }
        }
        return slices;
    }

    /**
     * The literal scalars a value may take: itself, each {@code Fn::If} branch, the pieces a {@code
     * Fn::Join}, {@code Fn::Select} or {@code Fn::Base64} works on, a {@code Fn::Sub} text, a
     * Parameter's Default — not a Join delimiter, a condition name or what a Ref or GetAtt names.
     */
    private static void literals(Node value, List<String> out) {
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(value);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof ScalarNode scalar) {
                if (!scalar.isNull() && !scalar.value().isEmpty()) {
                    out.add(scalar.value());
                }
            } else if (node instanceof ListNode list) {
                list.items().forEach(pending::push);
            } else if (node instanceof MapNode map) {
                Optional<MapNode.Entry> intrinsic = map.intrinsic();
                if (intrinsic.isPresent() && !isAssembledDynamicReference(intrinsic.get())) {
                    arguments(intrinsic.get()).forEach(pending::push);
                } else {
                    map.get("Default").ifPresent(pending::push);
                }
            }
        }
    }

    /**
     * A {@code Fn::Join} whose first piece opens a dynamic reference ({@code ["{{resolve:secretsmanager:arn:",
     * !Ref AWS::Partition, ":secretsmanager:", …]}, as the CDK writes a secret's reference): its
     * pieces name where CloudFormation reads the secret, they are no part of one, and hiding them
     * (a lone {@code ":"}) would garble every line they occur on.
     */
    private static boolean isAssembledDynamicReference(MapNode.Entry intrinsic) {
        return "Fn::Join".equals(intrinsic.name())
                && intrinsic.value() instanceof ListNode args
                && args.items().size() == 2
                && args.items().get(1) instanceof ListNode pieces
                && !pieces.items().isEmpty()
                && pieces.items().get(0) instanceof ScalarNode first
                && first.value().startsWith("{{resolve:");
    }

    private static List<Node> arguments(MapNode.Entry intrinsic) {
        Node args = intrinsic.value();
        List<Node> items = args instanceof ListNode list ? list.items() : List.of();
        return switch (intrinsic.name()) {
            case "Fn::If" -> items.size() == 3 ? items.subList(1, 3) : List.of();
            case "Fn::Join", "Fn::Select" -> items.size() == 2 ? List.of(items.get(1)) : List.of();
            case "Fn::Base64" -> List.of(args);
            case "Fn::Sub" -> items.isEmpty() ? List.of(args) : List.of(items.get(0));
            default -> List.of();
        };
    }
}
