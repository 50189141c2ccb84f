package dev.cfnsecrets.iam;

import dev.cfnsecrets.source.BundledResource;
import dev.cfnsecrets.source.InputProblem;
import dev.cfnsecrets.source.Limits;
import dev.cfnsecrets.source.ListNode;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.SourceFile;
import dev.cfnsecrets.source.TreeParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS managed policies known to grant function-configuration reads or {@code kms:Decrypt} on
 * every resource ({@code cfn-secrets/managed-policies.yaml}, docs/facts.md#aws-managed-policies;
 * written from the iann0036/iam-dataset policy documents), with the relevant statements so that the
 * rules evaluate them like any other policy.
 */
public final class ManagedPolicies {
    static final String RESOURCE = "cfn-secrets/managed-policies.yaml";

    /**
     * {@code arn:<any partition>:iam::aws:policy/<path and name>}; the partition may be a pseudo
     * parameter.
     */
    private static final Pattern AWS_MANAGED_ARN =
            Pattern.compile(
                    "arn:(?:aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|"
                            + Glob.ANY_FIELD
                            + "):iam::aws:policy/(.+)");

    private static final ManagedPolicies BUNDLED = load();

    /** One AWS managed policy: {@code path} is empty or like {@code job-function/}. */
    public record Entry(String name, String path, String version, List<Statement> statements) {
        public Entry {
            statements = List.copyOf(statements);
        }

        public String arn() {
            return "arn:aws:iam::aws:policy/" + path + name;
        }
    }

    private final List<Entry> entries;

    private ManagedPolicies(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ManagedPolicies bundled() {
        return BUNDLED;
    }

    public List<Entry> entries() {
        return entries;
    }

    /**
     * The policy an ARN names, in any partition ({@code Fn::Sub}/{@code Fn::Join} with {@code
     * AWS::Partition} too).
     */
    public Optional<Entry> byArn(PolicyString arn) {
        Matcher m = AWS_MANAGED_ARN.matcher(arn.glob());
        if (!m.matches()) {
            return Optional.empty();
        }
        String pathAndName = m.group(1);
        return entries.stream().filter(e -> (e.path() + e.name()).equals(pathAndName)).findFirst();
    }

    /**
     * The policy a SAM {@code Policies} entry names: an ARN, or a bare name such as {@code
     * ReadOnlyAccess}.
     */
    public Optional<Entry> byArnOrName(PolicyString value) {
        Optional<Entry> byArn = byArn(value);
        if (byArn.isPresent()) {
            return byArn;
        }
        return entries.stream().filter(e -> e.name().equals(value.glob())).findFirst();
    }

    /**
     * These facts where {@code preferred} (say the real documents live mode read from an account)
     * knows nothing of a policy, and {@code preferred}'s entries where it does.
     */
    public ManagedPolicies overriddenBy(ManagedPolicies preferred) {
        List<Entry> merged = new ArrayList<>(preferred.entries);
        entries.stream()
                .filter(e -> preferred.entries.stream().noneMatch(p -> p.arn().equals(e.arn())))
                .forEach(merged::add);
        return new ManagedPolicies(merged);
    }

    private static ManagedPolicies load() {
        return read(
                new SourceFile(
                        RESOURCE,
                        BundledResource.read(
                                RESOURCE,
                                in -> new String(in.readAllBytes(), StandardCharsets.UTF_8))));
    }

    /**
     * Facts in the format of {@value #RESOURCE} (YAML or JSON): {@code policies}, a list of {@code
     * name}, {@code path}, {@code version} and {@code Statement}.
     */
    public static ManagedPolicies read(SourceFile source) {
        try {
            Node root =
                    TreeParser.parse(source, Limits.DEFAULT)
                            .orElseThrow(
                                    () -> new IllegalStateException(source.path() + " is empty"));
            StatementReader reader = new StatementReader(StandaloneEvaluator.of(source));
            List<Entry> entries = new ArrayList<>();
            Node list = ((MapNode) root).get("policies").orElseThrow();
            for (Node item : ((ListNode) list).items()) {
                MapNode policy = (MapNode) item;
                entries.add(
                        new Entry(
                                policy.getString("name").orElseThrow(),
                                policy.getString("path").orElse(""),
                                policy.getString("version").orElse(""),
                                reader.read(policy)));
            }
            return new ManagedPolicies(entries);
        } catch (InputProblem e) {
            throw new IllegalStateException(source.path() + ": " + e.getMessage(), e);
        }
    }
}
