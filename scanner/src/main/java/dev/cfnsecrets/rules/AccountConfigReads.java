package dev.cfnsecrets.rules;

import dev.cfnsecrets.iam.IamPrincipal;
import dev.cfnsecrets.iam.PolicyInventory;
import dev.cfnsecrets.iam.PolicyString;
import dev.cfnsecrets.iam.StatementReader;
import dev.cfnsecrets.iam.Target;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * CFS305 across an account (live mode): which principal of the account's IAM document can read the
 * configuration of a deployed function whose environment holds a secret. The secrets are those the
 * template rule finds ({@link EnvSecrets}), the grant is {@link PrincipalCanReadFunctionSecrets}'s,
 * matched against the function's real ARN. A finding is located in the IAM document at the granting
 * statement, with the variable in the stack's document as a related location. Not reported: the
 * function's own execution role, and principals defined in the function's own stack (the stack's
 * CFS305 reports those). The key policy of a function's {@code KmsKeyArn} is not read; the message
 * says so.
 */
public final class AccountConfigReads implements CrossDocumentCheck {
    private static final Map<String, String> NAME_PROPERTIES = Map.of(
            "AWS::IAM::Role", "RoleName", "AWS::IAM::User", "UserName", "AWS::IAM::Group", "GroupName");
    private static final String KEY_CAVEAT = " The function's environment is encrypted with its KmsKeyArn key,"
            + " whose key policy was not read: whether this principal may decrypt it was not checked.";

    /**
     * A deployed stack: its name, the ARN prefix of its functions ({@code
     * arn:PARTITION:lambda:REGION:ACCOUNT:function:}) and, read on first use, the physical id of each
     * of its resources by logical id.
     */
    public record DeployedStack(String name, String functionArnPrefix, Supplier<Map<String, String>> physicalIds) {
    }

    private final String iamPath;
    private final Map<String, DeployedStack> stacks;

    /** {@code iamPath}: the account's IAM document; {@code stacks}: each stack's document path and facts. */
    public AccountConfigReads(String iamPath, Map<String, DeployedStack> stacks) {
        this.iamPath = iamPath;
        this.stacks = Map.copyOf(stacks);
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
        templates.forEach((path, stackContext) -> {
            DeployedStack stack = stacks.get(path);
            if (stack != null) {
                checkStack(iam, inventory, readers, path, stackContext, stack);
            }
        });
    }

    private void checkStack(RuleContext iam, PolicyInventory inventory, List<IamPrincipal> readers, String path,
            RuleContext stackContext, DeployedStack stack) {
        Template template = stackContext.template().orElseThrow();
        StatementReader reader = new StatementReader(stackContext.evaluator()::evaluate);
        Set<String> ownPrincipals = null;
        for (Resource function : template.resources().values()) {
            if (!EnvVariables.isFunction(function)) {
                continue;
            }
            List<EnvSecrets.SecretVariable> secrets = EnvSecrets.secretVariables(stackContext, function);
            String physical = secrets.isEmpty() ? null : stack.physicalIds().get().get(function.logicalId());
            if (physical == null) {
                continue;
            }
            if (ownPrincipals == null) {
                ownPrincipals = principalsOf(template, stack.physicalIds().get());
            }
            String arn = stack.functionArnPrefix() + physical;
            Target target = Target.deployedFunction(arn);
            Optional<String> executionRole = executionRoleName(function, reader, stack.physicalIds().get());
            String shown = stack.name() + "/" + function.logicalId() + " (" + physical + ")";
            String caveat = function.properties().has("KmsKeyArn") ? KEY_CAVEAT : "";
            for (IamPrincipal principal : readers) {
                String name = typedName(principal.resource());
                if (ownPrincipals.contains(name) || executionRole.map(r -> ("AWS::IAM::Role " + r).equals(name))
                        .orElse(false)) {
                    continue;
                }
                PrincipalCanReadFunctionSecrets.firstRead(inventory, principal, target, inventory.statementsOf(principal))
                        .ifPresent(read -> iam.report(id())
                                .at(read.anchor())
                                .message(PrincipalCanReadFunctionSecrets.message(principal, shown, secrets, read, caveat))
                                .value(principal.logicalId() + " " + arn)
                                .related(read.statement(), "the statement that grants the read")
                                .related(path, secrets.get(0).variable().nameNode().span(),
                                        "the variable of " + shown + " that holds the secret")
                                .resource(principal.resource())
                                .add());
            }
        }
    }

    /** The execution role's name: a role of the stack ({@code !GetAtt R.Arn}), or the last part of a literal ARN. */
    private static Optional<String> executionRoleName(Resource function, StatementReader reader,
            Map<String, String> physicalIds) {
        Optional<String> ofStack = PrincipalCanReadFunctionSecrets.executionRole(function, reader)
                .map(physicalIds::get);
        if (ofStack.isPresent()) {
            return ofStack;
        }
        return function.properties().get("Role").flatMap(node -> reader.strings(node).stream()
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

    /** A principal of the IAM document as {@code TYPE NAME}: names are unique per kind in an account. */
    private static String typedName(Resource principal) {
        String property = NAME_PROPERTIES.get(principal.type());
        return principal.type() + " " + (property == null ? principal.logicalId()
                : principal.properties().getString(property).orElse(principal.logicalId()));
    }
}
