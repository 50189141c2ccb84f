package dev.cfnsecrets.iam;

import dev.cfnsecrets.eval.Part;
import dev.cfnsecrets.eval.Value;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.SourceFile;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every policy of a template and who holds it: inline {@code Policies} of roles, users and groups,
 * {@code AWS::IAM::Policy}, {@code AWS::IAM::ManagedPolicy}, {@code AWS::IAM::RolePolicy}/{@code
 * UserPolicy}/{@code GroupPolicy}, {@code ManagedPolicyArns} (customer managed policies of the
 * template, and AWS managed ones from {@link ManagedPolicies}), SAM {@code Policies} of functions
 * and state machines, and {@code KeyPolicy} of KMS keys. A user also holds its groups' policies. A
 * standalone policy file is an inventory of one policy that no principal of ours holds.
 *
 * <p>An inventory serves the rules of one document, one after the other: it keeps the statement
 * sets it has made for the next rule, and is not thread-safe.
 */
public final class PolicyInventory {
    private static final Map<String, IamPrincipal.Kind> PRINCIPAL_TYPES =
            Map.of(
                    "AWS::IAM::Role", IamPrincipal.Kind.ROLE,
                    "AWS::IAM::User", IamPrincipal.Kind.USER,
                    "AWS::IAM::Group", IamPrincipal.Kind.GROUP);
    private static final Map<IamPrincipal.Kind, String> NAME_PROPERTIES =
            Map.of(
                    IamPrincipal.Kind.ROLE,
                    "RoleName",
                    IamPrincipal.Kind.USER,
                    "UserName",
                    IamPrincipal.Kind.GROUP,
                    "GroupName");

    private final List<Policy> policies = new ArrayList<>();
    private final Map<String, IamPrincipal> principals = new LinkedHashMap<>();
    private final Map<Policy, Set<IamPrincipal>> holders = new IdentityHashMap<>();
    private final Map<String, Policy> customerManaged = new LinkedHashMap<>();

    /** Made once per policy: several rules ask for them for every statement. */
    private final Map<Policy, List<List<Statement>>> statementSets = new IdentityHashMap<>();

    /** Made once per principal: CFS305 asks for them for every function. */
    private final Map<IamPrincipal, List<Statement>> statementsOf = new IdentityHashMap<>();

    /** Made once per principal, for the same reason. */
    private final Map<IamPrincipal, List<Policy>> policiesOf = new IdentityHashMap<>();

    private final Template template;
    private final StatementReader reader;

    /** Read only when the template attaches an AWS managed policy: most scans never need them. */
    private final Supplier<ManagedPolicies> managedPolicies;

    private PolicyInventory(
            Template template, StatementReader reader, Supplier<ManagedPolicies> managedPolicies) {
        this.template = template;
        this.reader = reader;
        this.managedPolicies = managedPolicies;
    }

    /** The policies of a template, values evaluated with {@code evaluator}. */
    public static PolicyInventory of(Template template, Function<Node, Value> evaluator) {
        return of(template, evaluator, ManagedPolicies::bundled);
    }

    /** The same, with what AWS managed policies grant taken from {@code managedPolicies}. */
    public static PolicyInventory of(
            Template template,
            Function<Node, Value> evaluator,
            Supplier<ManagedPolicies> managedPolicies) {
        PolicyInventory result =
                new PolicyInventory(template, new StatementReader(evaluator), managedPolicies);
        result.collect();
        return result;
    }

    /** A standalone policy file: one policy held by no principal of ours. */
    public static PolicyInventory ofPolicyFile(SourceFile source, Node root) {
        StatementReader reader = new StatementReader(StandaloneEvaluator.of(source));
        PolicyInventory result = new PolicyInventory(null, reader, ManagedPolicies::bundled);
        result.add(
                new Policy(
                        Policy.Kind.POLICY_FILE,
                        source.path(),
                        null,
                        reader.read(root),
                        root,
                        null));
        return result;
    }

    public List<Policy> policies() {
        return policies;
    }

    public List<IamPrincipal> principals() {
        return List.copyOf(principals.values());
    }

    /** The principals that hold a policy (empty for key policies and unattached policies). */
    public List<IamPrincipal> holders(Policy policy) {
        return List.copyOf(holders.getOrDefault(policy, Set.of()));
    }

    /** Every policy a principal holds, in template order. */
    public List<Policy> policiesOf(IamPrincipal principal) {
        return policiesOf.computeIfAbsent(
                principal,
                who ->
                        policies.stream()
                                .filter(p -> holders.getOrDefault(p, Set.of()).contains(who))
                                .toList());
    }

    /**
     * Every statement of every policy {@code principal} holds: the set its Allows and Denies take
     * effect in.
     */
    public List<Statement> statementsOf(IamPrincipal principal) {
        return statementsOf.computeIfAbsent(
                principal,
                p -> {
                    List<Statement> all = new ArrayList<>();
                    policiesOf(p).forEach(policy -> all.addAll(policy.statements()));
                    return List.copyOf(all);
                });
    }

    /**
     * The statement sets {@code policy} takes effect in, one per holder (every statement of every
     * policy that holder has), or the policy's own statements when nobody in the template holds it.
     * An explicit Deny anywhere in a set overrides an Allow of the same set.
     */
    public List<List<Statement>> statementSets(Policy policy) {
        return statementSets.computeIfAbsent(policy, this::collectStatementSets);
    }

    private List<List<Statement>> collectStatementSets(Policy policy) {
        List<IamPrincipal> held = holders(policy);
        if (held.isEmpty()) {
            return List.of(policy.statements());
        }
        return held.stream().map(this::statementsOf).toList();
    }

    private void collect() {
        for (Resource r : template.resources().values()) {
            IamPrincipal.Kind kind = PRINCIPAL_TYPES.get(r.type());
            if (kind != null) {
                principals.put(r.logicalId(), new IamPrincipal(kind, r));
            } else if (isSamWithRole(r) && !r.properties().has("Role")) {
                // SAM ignores Policies when Role is given; otherwise it creates a role from them.
                principals.put(r.logicalId(), new IamPrincipal(IamPrincipal.Kind.SAM_ROLE, r));
            }
        }
        for (Resource r : template.resources().values()) {
            if (r.type().equals("AWS::IAM::ManagedPolicy")) {
                Policy p =
                        add(
                                new Policy(
                                        Policy.Kind.MANAGED_POLICY,
                                        r.logicalId(),
                                        r,
                                        documentOf(r),
                                        r.properties().get("PolicyDocument").orElse(r.node()),
                                        null));
                customerManaged.put(r.logicalId(), p);
            }
        }
        for (Resource r : template.resources().values()) {
            collectFrom(r);
        }
        for (Resource r : template.resources().values()) {
            if (r.type().equals("AWS::IAM::ManagedPolicy")) {
                attachAll(customerManaged.get(r.logicalId()), r.properties());
            }
        }
        addGroupMembers();
    }

    private static boolean isSamWithRole(Resource r) {
        return r.type().equals("AWS::Serverless::Function")
                || r.type().equals("AWS::Serverless::StateMachine");
    }

    private void collectFrom(Resource r) {
        MapNode props = r.properties();
        switch (r.type()) {
            case "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group" -> {
                IamPrincipal principal = principals.get(r.logicalId());
                props.get("Policies").ifPresent(list -> inlinePolicies(r, list, principal));
                props.get("ManagedPolicyArns")
                        .ifPresent(arns -> managedPolicyArns(r, arns, principal));
            }
            case "AWS::IAM::Policy" ->
                    attachAll(
                            add(
                                    new Policy(
                                            Policy.Kind.IAM_POLICY,
                                            props.getString("PolicyName").orElse(r.logicalId()),
                                            r,
                                            documentOf(r),
                                            props.get("PolicyDocument").orElse(r.node()),
                                            null)),
                            props);
            case "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy" -> {
                Policy p =
                        add(
                                new Policy(
                                        Policy.Kind.INLINE,
                                        props.getString("PolicyName").orElse(""),
                                        r,
                                        documentOf(r),
                                        props.get("PolicyDocument").orElse(r.node()),
                                        null));
                attachAll(p, props);
            }
            case "AWS::Serverless::Function", "AWS::Serverless::StateMachine" -> {
                IamPrincipal principal = principals.get(r.logicalId());
                if (principal != null) {
                    props.get("Policies").ifPresent(list -> samPolicies(r, list, principal));
                }
            }
            case "AWS::KMS::Key", "AWS::KMS::ReplicaKey" ->
                    props.get("KeyPolicy")
                            .ifPresent(
                                    doc ->
                                            add(
                                                    new Policy(
                                                            Policy.Kind.KEY_POLICY,
                                                            r.logicalId(),
                                                            r,
                                                            reader.read(doc),
                                                            doc,
                                                            null)));
            default -> {}
        }
    }

    private List<Statement> documentOf(Resource r) {
        return r.properties().get("PolicyDocument").map(reader::read).orElse(List.of());
    }

    private void inlinePolicies(Resource owner, Node list, IamPrincipal principal) {
        for (Node item : StatementReader.items(list)) {
            if (item instanceof MapNode policy && policy.intrinsic().isEmpty()) {
                Node document = policy.get("PolicyDocument").orElse(policy);
                Policy p =
                        add(
                                new Policy(
                                        Policy.Kind.INLINE,
                                        policy.getString("PolicyName").orElse(""),
                                        owner,
                                        reader.read(document),
                                        document,
                                        null));
                hold(p, principal);
            }
        }
    }

    private void managedPolicyArns(Resource owner, Node arns, IamPrincipal principal) {
        for (PolicyString arn : reader.strings(arns)) {
            holdManaged(owner, arn, principal, ManagedPolicies::byArn);
        }
    }

    /**
     * The customer managed policy of the template that {@code reference} names, or else the AWS
     * managed policy {@code aws} finds for it, is held by {@code principal}.
     */
    private void holdManaged(
            Resource owner,
            PolicyString reference,
            IamPrincipal principal,
            BiFunction<ManagedPolicies, PolicyString, Optional<ManagedPolicies.Entry>> aws) {
        Optional<Policy> customer = customerManagedPolicy(reference);
        if (customer.isPresent()) {
            hold(customer.get(), principal);
        } else {
            aws.apply(managedPolicies.get(), reference)
                    .ifPresent(entry -> hold(awsManaged(owner, entry, reference), principal));
        }
    }

    /**
     * SAM {@code Policies}: a managed policy name or ARN, an inline document, or a policy template.
     */
    private void samPolicies(Resource owner, Node policiesNode, IamPrincipal principal) {
        for (Node item : StatementReader.items(policiesNode)) {
            if (item instanceof MapNode map && map.intrinsic().isEmpty()) {
                if (map.has("Statement")) {
                    hold(
                            add(
                                    new Policy(
                                            Policy.Kind.SAM_POLICY,
                                            "",
                                            owner,
                                            reader.read(map),
                                            map,
                                            null)),
                            principal);
                } else {
                    SamPolicyTemplates.expand(map, reader)
                            .ifPresent(
                                    statement ->
                                            hold(
                                                    add(
                                                            new Policy(
                                                                    Policy.Kind.SAM_POLICY,
                                                                    map.entries().get(0).name(),
                                                                    owner,
                                                                    List.of(statement),
                                                                    map,
                                                                    null)),
                                                    principal));
                }
                continue;
            }
            for (PolicyString value : reader.strings(item)) {
                holdManaged(owner, value, principal, ManagedPolicies::byArnOrName);
            }
        }
    }

    private Policy awsManaged(
            Resource owner, ManagedPolicies.Entry entry, PolicyString attachment) {
        return add(
                new Policy(
                        Policy.Kind.AWS_MANAGED,
                        entry.name(),
                        owner,
                        entry.statements(),
                        attachment.node(),
                        entry));
    }

    /** {@code !Ref SomeManagedPolicy} (the ARN of a managed policy in this template). */
    private Optional<Policy> customerManagedPolicy(PolicyString value) {
        if (value.unknowns().size() == 1 && value.glob().length() == 1) {
            Part.Unknown u = value.unknowns().get(0);
            if (u.kind() == Part.Unknown.Kind.RESOURCE || u.kind() == Part.Unknown.Kind.ATTRIBUTE) {
                return Optional.ofNullable(customerManaged.get(u.logicalId()));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code Roles}, {@code Users}, {@code Groups} lists and {@code RoleName}/{@code
     * UserName}/{@code GroupName}.
     */
    private void attachAll(Policy policy, MapNode props) {
        attach(policy, props.get("Roles"), IamPrincipal.Kind.ROLE);
        attach(policy, props.get("Users"), IamPrincipal.Kind.USER);
        attach(policy, props.get("Groups"), IamPrincipal.Kind.GROUP);
        attach(policy, props.get("RoleName"), IamPrincipal.Kind.ROLE);
        attach(policy, props.get("UserName"), IamPrincipal.Kind.USER);
        attach(policy, props.get("GroupName"), IamPrincipal.Kind.GROUP);
    }

    private void attach(Policy policy, Optional<Node> references, IamPrincipal.Kind kind) {
        references.ifPresent(node -> resolve(node, kind).forEach(p -> hold(policy, p)));
    }

    /** Principals named by {@code !Ref Id} or by their literal name property. */
    private List<IamPrincipal> resolve(Node references, IamPrincipal.Kind kind) {
        List<IamPrincipal> out = new ArrayList<>();
        for (PolicyString ref : reader.strings(references)) {
            for (IamPrincipal candidate : principals.values()) {
                if (candidate.kind() != kind) {
                    continue;
                }
                boolean byRef = ref.glob().length() == 1 && ref.refersTo(candidate.logicalId());
                boolean byName =
                        ref.isLiteral()
                                && candidate
                                        .resource()
                                        .properties()
                                        .getString(NAME_PROPERTIES.get(kind))
                                        .map(ref.glob()::equals)
                                        .orElse(false);
                if (byRef || byName) {
                    out.add(candidate);
                }
            }
        }
        return out;
    }

    /**
     * A user holds the policies of its groups ({@code Groups} of the user, {@code
     * AWS::IAM::UserToGroupAddition}).
     */
    private void addGroupMembers() {
        Map<IamPrincipal, Set<IamPrincipal>> members = new LinkedHashMap<>();
        for (IamPrincipal user : principals.values()) {
            if (user.kind() == IamPrincipal.Kind.USER) {
                user.resource()
                        .properties()
                        .get("Groups")
                        .ifPresent(
                                groups ->
                                        resolve(groups, IamPrincipal.Kind.GROUP)
                                                .forEach(
                                                        g ->
                                                                members.computeIfAbsent(
                                                                                g,
                                                                                k ->
                                                                                        new LinkedHashSet<>())
                                                                        .add(user)));
            }
        }
        for (Resource r : template.resources().values()) {
            if (r.type().equals("AWS::IAM::UserToGroupAddition")) {
                Optional<Node> group = r.properties().get("GroupName");
                Optional<Node> users = r.properties().get("Users");
                if (group.isPresent() && users.isPresent()) {
                    for (IamPrincipal g : resolve(group.get(), IamPrincipal.Kind.GROUP)) {
                        members.computeIfAbsent(g, k -> new LinkedHashSet<>())
                                .addAll(resolve(users.get(), IamPrincipal.Kind.USER));
                    }
                }
            }
        }
        for (Policy p : policies) {
            Set<IamPrincipal> held = holders.get(p);
            if (held != null) {
                for (IamPrincipal group : List.copyOf(held)) {
                    held.addAll(members.getOrDefault(group, Set.of()));
                }
            }
        }
    }

    private Policy add(Policy policy) {
        policies.add(policy);
        return policy;
    }

    private void hold(Policy policy, IamPrincipal principal) {
        if (principal != null) {
            holders.computeIfAbsent(policy, k -> new LinkedHashSet<>()).add(principal);
        }
    }
}
