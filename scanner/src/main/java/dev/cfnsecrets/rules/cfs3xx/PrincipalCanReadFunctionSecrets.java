package dev.cfnsecrets.rules.cfs3xx;

import dev.cfnsecrets.eval.Evaluator;
import dev.cfnsecrets.eval.Part;
import dev.cfnsecrets.iam.Actions;
import dev.cfnsecrets.iam.Exposure;
import dev.cfnsecrets.iam.IamPrincipal;
import dev.cfnsecrets.iam.Policy;
import dev.cfnsecrets.iam.PolicyInventory;
import dev.cfnsecrets.iam.PolicyString;
import dev.cfnsecrets.iam.Statement;
import dev.cfnsecrets.iam.StatementReader;
import dev.cfnsecrets.iam.Target;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.rules.Advice;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.TemplateRule;
import dev.cfnsecrets.rules.values.EnvSecrets;
import dev.cfnsecrets.rules.values.EnvVariables;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * CFS305: a principal of the template can read the configuration — and so the environment — of a
 * function whose environment holds a secret, through any statement, however narrow. One finding per
 * (principal, function). A function's own execution role is not reported for that function (it has
 * the environment anyway). When the function's {@code KmsKeyArn} is a key of this template, the
 * principal must also be able to decrypt with it (IAM or key policy).
 *
 * <p>The pairs grow with the product of principals and functions (many roles that may read {@code
 * "*"}), so at most {@link #MAX_PAIRS} are examined per template (and per account in live mode);
 * past that, CFS001 says once which functions were left unchecked.
 */
final class PrincipalCanReadFunctionSecrets extends TemplateRule {
    /** Far above real templates: those of fixtures/ and the real-world corpus report at most 5. */
    static final int MAX_PAIRS = 10_000;

    @Override
    public String id() {
        return "CFS305";
    }

    @Override
    protected void check(RuleContext context, Template template) {
        Evaluator evaluator = context.evaluator();
        PolicyInventory inventory = PolicyInventories.of(context).orElseThrow();
        StatementReader reader = new StatementReader(evaluator::evaluate);
        ReadersByFunction readers = new ReadersByFunction(readers(inventory), inventory);
        int pairs = 0;
        for (Resource function : template.resources().values()) {
            if (!EnvVariables.isFunction(function)) {
                continue;
            }
            List<EnvSecrets.SecretVariable> secrets = EnvSecrets.secretVariables(context, function);
            if (secrets.isEmpty()) {
                continue;
            }
            Target target =
                    Target.function(
                            function.logicalId(),
                            function.properties()
                                    .getString("FunctionName")
                                    .filter(n -> !n.isBlank())
                                    .orElse(null));
            Optional<String> executionRole = executionRole(function, reader);
            Optional<Resource> key = templateKey(function, template, reader);
            for (IamPrincipal principal : readers.of(function.logicalId())) {
                if (++pairs > MAX_PAIRS) {
                    context.stopped(pairsSpent(function.logicalId(), function.key()));
                    return;
                }
                if (principal.logicalId().equals(function.logicalId())
                        || executionRole.filter(principal.logicalId()::equals).isPresent()) {
                    continue;
                }
                List<Statement> set = inventory.statementsOf(principal);
                if (key.isPresent() && !canDecrypt(principal, key.get(), set, inventory)) {
                    continue;
                }
                firstRead(readers.grantsOf(principal, function.logicalId()), target, set)
                        .ifPresent(read -> report(context, principal, function, secrets, read));
            }
        }
    }

    /**
     * The stop when the pairs reach {@link #MAX_PAIRS} at {@code function} (as shown, at {@code
     * at}): per template here, per account in live mode ({@link
     * AccountPrincipalCanReadFunctionSecrets}).
     */
    static Evaluator.Stop pairsSpent(String function, Node at) {
        return new Evaluator.Stop(
                function,
                "CFS305 stopped after "
                        + MAX_PAIRS
                        + " (principal, function) pairs: the principals that may read function "
                        + function
                        + " and the functions after it were not all checked",
                at,
                "More principals may read those functions' secrets; the other rules scanned the whole file.");
    }

    /** The policy and statement through which a principal reads a function's configuration. */
    record Read(Policy policy, Exposure.Grant grant) {
        boolean awsManaged() {
            return policy.kind() == Policy.Kind.AWS_MANAGED;
        }

        /**
         * Statements of AWS managed policies live in the bundled facts: point at the attachment.
         */
        Node anchor() {
            return awsManaged() ? policy.anchor() : grant.anchor();
        }

        Span statement() {
            return awsManaged() ? policy.anchor().span() : grant.statement().node().span();
        }
    }

    /**
     * The first statement of the principal's policies that grants a configuration read on {@code
     * target}.
     */
    static Optional<Read> firstRead(
            PolicyInventory inventory, IamPrincipal principal, Target target, List<Statement> set) {
        return firstRead(ReadersByFunction.grants(inventory, principal), target, set);
    }

    /** The first of {@code grants} that grants a configuration read on {@code target}. */
    private static Optional<Read> firstRead(
            List<ReadersByFunction.Grant> grants, Target target, List<Statement> set) {
        for (ReadersByFunction.Grant g : grants) {
            Optional<Exposure.Grant> grant = Exposure.configReadsOf(g.statement(), target, set);
            if (grant.isPresent()) {
                return Optional.of(new Read(g.policy(), grant.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * The principals that hold a statement allowing some configuration read: the only candidates.
     */
    static List<IamPrincipal> readers(PolicyInventory inventory) {
        return inventory.principals().stream()
                .filter(
                        p ->
                                inventory.policiesOf(p).stream()
                                        .anyMatch(
                                                policy ->
                                                        policy.statements().stream()
                                                                .anyMatch(
                                                                        Exposure
                                                                                ::allowsAnyConfigRead)))
                .toList();
    }

    private void report(
            RuleContext context,
            IamPrincipal principal,
            Resource function,
            List<EnvSecrets.SecretVariable> secrets,
            Read read) {
        RuleContext.Builder b =
                context.report(id())
                        .at(read.anchor())
                        .message(message(principal, function.logicalId(), secrets, read, ""))
                        .value(principal.logicalId() + " " + function.logicalId())
                        .related(read.statement(), "the statement that grants the read")
                        .related(
                                secrets.get(0).variable().nameNode().span(),
                                "the variable that holds the secret");
        if (read.policy().owner() != null) {
            b.resource(read.policy().owner());
        }
        b.add();
    }

    /**
     * The finding's message; {@code caveat} (a clause with its leading "; ", or empty) says what
     * was not checked, after the grant.
     */
    static String message(
            IamPrincipal principal,
            String function,
            List<EnvSecrets.SecretVariable> secrets,
            Read read,
            String caveat) {
        EnvSecrets.SecretVariable first = secrets.get(0);
        String variables =
                String.join(", ", secrets.stream().map(EnvSecrets.SecretVariable::name).toList());
        boolean lists =
                read.grant().actions().stream()
                        .anyMatch(a -> a.action().equals(Actions.LIST_FUNCTIONS));
        return Advice.capitalized(principal.describe())
                + " can read the configuration of function "
                + function
                + ", whose environment holds a secret ("
                + first.name()
                + ": "
                + first.why()
                + (secrets.size() > 1 ? "; also " + variables : "")
                + "), through the "
                + read.policy().describe()
                + ": "
                + read.grant().describeActions()
                + (lists ? "" : " on " + read.grant().resources())
                + caveat
                + ". Keep the secret out of the "
                + "environment (pass its name and fetch it at runtime), or remove this read from "
                + principal.logicalId()
                + ".";
    }

    /**
     * The role in {@code Role: !GetAtt R.Arn} (or {@code !Ref R}, a name), if it is a resource of
     * the template.
     */
    static Optional<String> executionRole(Resource function, StatementReader reader) {
        return function.properties()
                .get("Role")
                .flatMap(
                        node ->
                                reader.strings(node).stream()
                                        .flatMap(s -> s.unknowns().stream())
                                        .filter(
                                                u ->
                                                        u.kind() == Part.Unknown.Kind.ATTRIBUTE
                                                                || u.kind()
                                                                        == Part.Unknown.Kind
                                                                                .RESOURCE)
                                        .map(Part.Unknown::logicalId)
                                        .findFirst());
    }

    /** The KMS key of the template that {@code KmsKeyArn} names, if any. */
    static Optional<Resource> templateKey(
            Resource function, Template template, StatementReader reader) {
        Optional<Node> arn = function.properties().get("KmsKeyArn");
        if (arn.isEmpty()) {
            return Optional.empty();
        }
        for (PolicyString value : reader.strings(arn.get())) {
            for (Resource r : template.resources().values()) {
                if (r.type().equals("AWS::KMS::Key") && value.refersTo(r.logicalId())) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the principal can decrypt with the template's key: an IAM grant on it, or a key
     * policy statement that names the principal (its ARN) or everyone.
     */
    private static boolean canDecrypt(
            IamPrincipal principal, Resource key, List<Statement> set, PolicyInventory inventory) {
        if (Exposure.identityDecrypts(Target.key(key.logicalId()), set)) {
            return true;
        }
        String roleId =
                principal.kind() == IamPrincipal.Kind.SAM_ROLE
                        ? principal.logicalId() + "Role"
                        : principal.logicalId();
        for (Policy policy : inventory.policies()) {
            if (policy.kind() == Policy.Kind.KEY_POLICY && policy.owner() == key) {
                for (Statement s : policy.statements()) {
                    boolean names =
                            s.principals().stream().anyMatch(p -> p.value().refersTo(roleId));
                    boolean decrypts =
                            Actions.DECRYPT.stream()
                                    .anyMatch(a -> Actions.covering(s, a).isPresent());
                    if (s.isAllow() && decrypts && (names || Exposure.admitsEveryone(s))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
