package dev.cfnsecrets.rules.cfs3xx;

import dev.cfnsecrets.finding.Suppression;
import dev.cfnsecrets.iam.IamPrincipal;
import dev.cfnsecrets.iam.PolicyInventory;
import dev.cfnsecrets.iam.PolicyString;
import dev.cfnsecrets.iam.Statement;
import dev.cfnsecrets.iam.StatementReader;
import dev.cfnsecrets.iam.Target;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.rules.CrossDocumentRule;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.values.EnvSecrets;
import dev.cfnsecrets.rules.values.EnvVariables;
import dev.cfnsecrets.source.Node;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * CFS305 across an account (live mode): which principal of the account's IAM document can read the
 * configuration of a deployed function whose environment holds a secret. The secrets are those the
 * template rule finds ({@link EnvSecrets}), the grant is {@link PrincipalCanReadFunctionSecrets}'s,
 * matched against the function's real ARN. A finding is located in the IAM document at the granting
 * statement, with the variable in the stack's document as a related location. Not reported: the
 * function's own execution role, and principals defined in the function's own stack (the stack's
 * CFS305 reports those). When the function has a {@code KmsKeyArn}, the principal must also be able
 * to decrypt with that key ({@link DeployedKey}), judged on its key policy; when that policy could
 * not be read (another account's key, an alias, {@code GetKeyPolicy} denied), the principal is
 * reported and the message says why the key was not checked. A suppression of CFS305 on the
 * function's resource in the stack's template covers the findings about that function: they are
 * reported as suppressed in source, with the template's justification and where it was written. The
 * pairs grow with the account's readers times its functions: at most {@link
 * PrincipalCanReadFunctionSecrets#MAX_PAIRS} are examined across the whole account, and the stack
 * where they ran out has the CFS001 that names the function.
 */
public final class AccountPrincipalCanReadFunctionSecrets implements CrossDocumentRule {
    private static final Map<String, String> NAME_PROPERTIES =
            Map.of(
                    "AWS::IAM::Role",
                    "RoleName",
                    "AWS::IAM::User",
                    "UserName",
                    "AWS::IAM::Group",
                    "GroupName");
    private static final String KEY =
            "; the function's environment is encrypted with its KmsKeyArn key";

    /**
     * A deployed stack: its name, the ARN prefix of its functions ({@code
     * arn:PARTITION:lambda:REGION:ACCOUNT:function:}) and, read on first use, the physical id of
     * each of its resources by logical id.
     */
    public record DeployedStack(
            String name, String functionArnPrefix, Supplier<Map<String, String>> physicalIds) {
        /** The account the stack is deployed in. */
        String account() {
            return functionArnPrefix.split(":")[4];
        }

        /** The ARN of a KMS key of the stack's account and Region, by its key id. */
        String keyArn(String keyId) {
            String[] fields = functionArnPrefix.split(":");
            return "arn:" + fields[1] + ":kms:" + fields[3] + ":" + fields[4] + ":key/" + keyId;
        }
    }

    /**
     * A key policy as KMS {@code GetKeyPolicy} returned it, or (text null) why it could not be
     * read.
     */
    public record KeyPolicy(String text, String notRead) {
        public static KeyPolicy of(String text) {
            return new KeyPolicy(text, null);
        }

        public static KeyPolicy unread(String reason) {
            return new KeyPolicy(null, reason);
        }
    }

    /**
     * What the {@code KmsKeyArn} of a function allows: {@code key} null when there is none or it
     * was not checked, and then {@code unchecked} the message's note on why (empty without a key).
     */
    private record KeyCheck(DeployedKey key, String unchecked) {
        static final KeyCheck NONE = new KeyCheck(null, "");

        static KeyCheck unchecked(String why) {
            return new KeyCheck(
                    null,
                    KEY
                            + ", and whether this principal may decrypt with it was not checked: "
                            + why);
        }

        /**
         * The message's note on the key for this principal; empty when it cannot decrypt (not
         * reported).
         */
        Optional<String> note(IamPrincipal principal, List<Statement> set) {
            if (key == null) {
                return Optional.of(unchecked);
            }
            return key.decryptBy(principal, set)
                    .map(how -> KEY + ", which this principal may decrypt with: " + how);
        }
    }

    private final String iamPath;
    private final Map<String, DeployedStack> stacks;
    private final Function<String, KeyPolicy> keyPolicies;
    private final BiFunction<Resource, String, Optional<Suppression>> inSource;

    /**
     * {@code iamPath}: the account's IAM document; {@code stacks}: each stack's document path and
     * facts; {@code keyPolicies}: the key policy of a KMS key by its ARN (asked only for keys of
     * the stacks' own account); {@code inSource}: the suppression a resource's Metadata writes for
     * a rule id, as the scan's in-template suppressions read it (the findings lie in the IAM
     * document, whose filters do not see the stacks' templates).
     */
    public AccountPrincipalCanReadFunctionSecrets(
            String iamPath,
            Map<String, DeployedStack> stacks,
            Function<String, KeyPolicy> keyPolicies,
            BiFunction<Resource, String, Optional<Suppression>> inSource) {
        this.iamPath = iamPath;
        this.stacks = Map.copyOf(stacks);
        this.keyPolicies = keyPolicies;
        this.inSource = inSource;
    }

    @Override
    public String id() {
        return "CFS305";
    }

    @Override
    public void check(Map<String, RuleContext> templates) {
        RuleContext iam = templates.get(iamPath);
        if (iam == null) {
            return;
        }
        PolicyInventory inventory = PolicyInventories.of(iam).orElseThrow();
        List<IamPrincipal> readers = PrincipalCanReadFunctionSecrets.readers(inventory);
        if (readers.isEmpty()) {
            return;
        }
        int pairs = 0;
        for (Map.Entry<String, RuleContext> template : templates.entrySet()) {
            DeployedStack stack = stacks.get(template.getKey());
            if (stack != null) {
                pairs =
                        checkStack(
                                iam,
                                inventory,
                                readers,
                                template.getKey(),
                                template.getValue(),
                                stack,
                                pairs);
                if (pairs > PrincipalCanReadFunctionSecrets.MAX_PAIRS) {
                    return;
                }
            }
        }
    }

    /**
     * Reports the stack's functions' readers; {@code pairs}: the (principal, function) pairs the
     * account's earlier stacks took. Returns the pairs taken so far, over {@link
     * PrincipalCanReadFunctionSecrets#MAX_PAIRS} when the budget ran out in this stack (its
     * document then has the stop, at the function where it happened).
     */
    private int checkStack(
            RuleContext iam,
            PolicyInventory inventory,
            List<IamPrincipal> readers,
            String path,
            RuleContext stackContext,
            DeployedStack stack,
            int pairs) {
        Template template = stackContext.template().orElseThrow();
        StatementReader reader = new StatementReader(stackContext.evaluator()::evaluate);
        Set<String> ownPrincipals = null;
        for (Resource function : template.resources().values()) {
            if (!EnvVariables.isFunction(function)) {
                continue;
            }
            List<EnvSecrets.SecretVariable> secrets =
                    EnvSecrets.secretVariables(stackContext, function);
            String physical =
                    secrets.isEmpty() ? null : stack.physicalIds().get().get(function.logicalId());
            if (physical == null) {
                continue;
            }
            if (ownPrincipals == null) {
                ownPrincipals = principalsOf(template, stack.physicalIds().get());
            }
            String arn = stack.functionArnPrefix() + physical;
            Target target = Target.deployedFunction(arn);
            Optional<String> executionRole =
                    executionRoleName(function, reader, stack.physicalIds().get());
            String shown = stack.name() + "/" + function.logicalId() + " (" + physical + ")";
            KeyCheck keyCheck = keyCheck(function, template, reader, stack);
            Optional<Suppression> ignored =
                    inSource.apply(function, id())
                            .map(
                                    s ->
                                            new Suppression(
                                                    s.kind(),
                                                    s.justification()
                                                            + " (on "
                                                            + stack.name()
                                                            + "/"
                                                            + function.logicalId()
                                                            + " in the stack's template)"));
            for (IamPrincipal principal : readers) {
                if (++pairs > PrincipalCanReadFunctionSecrets.MAX_PAIRS) {
                    stackContext.stopped(
                            PrincipalCanReadFunctionSecrets.pairsSpent(shown, function.key()));
                    return pairs;
                }
                String name = typedName(principal.resource());
                if (ownPrincipals.contains(name)
                        || executionRole
                                .map(r -> ("AWS::IAM::Role " + r).equals(name))
                                .orElse(false)) {
                    continue;
                }
                List<Statement> set = inventory.statementsOf(principal);
                Optional<String> note = keyCheck.note(principal, set);
                if (note.isEmpty()) {
                    continue;
                }
                PrincipalCanReadFunctionSecrets.firstRead(inventory, principal, target, set)
                        .ifPresent(
                                read -> {
                                    RuleContext.Builder finding =
                                            iam.report(id())
                                                    .at(read.anchor())
                                                    .message(
                                                            PrincipalCanReadFunctionSecrets.message(
                                                                    principal,
                                                                    shown,
                                                                    secrets,
                                                                    read,
                                                                    note.get()))
                                                    .value(principal.logicalId() + " " + arn)
                                                    .related(
                                                            read.statement(),
                                                            "the statement that grants the read")
                                                    .related(
                                                            path,
                                                            secrets.get(0)
                                                                    .variable()
                                                                    .nameNode()
                                                                    .span(),
                                                            "the variable of "
                                                                    + shown
                                                                    + " that holds the secret")
                                                    .resource(principal.resource());
                                    ignored.ifPresent(finding::suppressed);
                                    finding.add();
                                });
            }
        }
        return pairs;
    }

    /**
     * The function's {@code KmsKeyArn}, resolved to a key ARN — a literal key ARN, or a key of the
     * same stack ({@code !GetAtt Key.Arn}, {@code !Ref Key}) by its physical id — and checked
     * against its key policy. An alias is not resolved to its key (that takes another call, {@code
     * kms:DescribeKey}), and another account's key policy is not readable from this one: both are
     * left unchecked.
     */
    private KeyCheck keyCheck(
            Resource function, Template template, StatementReader reader, DeployedStack stack) {
        Optional<Node> node = function.properties().get("KmsKeyArn");
        if (node.isEmpty()) {
            return KeyCheck.NONE;
        }
        String arn =
                PrincipalCanReadFunctionSecrets.templateKey(function, template, reader)
                        .map(key -> stack.physicalIds().get().get(key.logicalId()))
                        .map(stack::keyArn)
                        .orElseGet(
                                () ->
                                        reader.strings(node.get()).stream()
                                                .filter(PolicyString::isLiteral)
                                                .map(PolicyString::shown)
                                                .findFirst()
                                                .orElse(null));
        if (arn == null) {
            return KeyCheck.unchecked("its value was not resolved to a key");
        }
        String[] fields = arn.split(":", 6);
        if (fields.length < 6 || !fields[2].equals("kms")) {
            return KeyCheck.unchecked("'" + arn + "' is not a KMS key ARN");
        }
        if (!fields[4].equals(stack.account())) {
            return KeyCheck.unchecked(
                    "the key belongs to account "
                            + fields[4]
                            + ", and KMS does not give a key policy to another account");
        }
        if (fields[5].startsWith("alias/")) {
            return KeyCheck.unchecked(
                    "it names the alias " + fields[5] + ", which was not resolved to its key");
        }
        KeyPolicy policy = keyPolicies.apply(arn);
        if (policy.text() == null) {
            return KeyCheck.unchecked(policy.notRead());
        }
        return DeployedKey.of(arn, policy.text())
                .map(key -> new KeyCheck(key, ""))
                .orElseGet(
                        () ->
                                KeyCheck.unchecked(
                                        "its key policy, as KMS returned it, is not a policy document"));
    }

    /**
     * The execution role's name: a role of the stack ({@code !GetAtt R.Arn}), or the last part of a
     * literal ARN.
     */
    private static Optional<String> executionRoleName(
            Resource function, StatementReader reader, Map<String, String> physicalIds) {
        Optional<String> ofStack =
                PrincipalCanReadFunctionSecrets.executionRole(function, reader)
                        .map(physicalIds::get);
        if (ofStack.isPresent()) {
            return ofStack;
        }
        return function.properties()
                .get("Role")
                .flatMap(
                        node ->
                                reader.strings(node).stream()
                                        .filter(PolicyString::isLiteral)
                                        .map(s -> s.glob().substring(s.glob().lastIndexOf('/') + 1))
                                        .findFirst());
    }

    /** The roles, users and groups the stack deployed, as {@link #typedName}s. */
    private static Set<String> principalsOf(Template template, Map<String, String> physicalIds) {
        Set<String> names = new HashSet<>();
        for (Resource r : template.resources().values()) {
            String physical = physicalIds.get(r.logicalId());
            if (NAME_PROPERTIES.containsKey(r.type()) && physical != null) {
                names.add(r.type() + " " + physical);
            }
        }
        return names;
    }

    /**
     * A principal of the IAM document as {@code TYPE NAME}: names are unique per kind in an
     * account.
     */
    private static String typedName(Resource principal) {
        String property = NAME_PROPERTIES.get(principal.type());
        return principal.type()
                + " "
                + (property == null
                        ? principal.logicalId()
                        : principal.properties().getString(property).orElse(principal.logicalId()));
    }
}
