package dev.cfnsecrets.live;

import dev.cfnsecrets.config.InTemplateSuppressions;
import dev.cfnsecrets.iam.ManagedPolicies;
import dev.cfnsecrets.rules.CrossDocumentRule;
import dev.cfnsecrets.rules.cfs3xx.AccountPrincipalCanReadFunctionSecrets;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.scan.Scanner;
import dev.cfnsecrets.source.SourceFile;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@code scan --aws-stack}/{@code --aws-account}: reads the deployed templates and, for the
 * account, its IAM, then scans them with the given scanner; for the account, CFS305 then pairs the
 * IAM document's principals with every stack's functions ({@link
 * AccountPrincipalCanReadFunctionSecrets}). Read-only: it calls only {@code
 * cloudformation:DescribeStacks}, {@code cloudformation:GetTemplate}, {@code
 * cloudformation:ListStackResources}, {@code iam:GetAccountAuthorizationDetails} and {@code
 * kms:GetKeyPolicy}. An AWS failure is a {@link dev.cfnsecrets.config.ConfigException} with a
 * one-line message, except {@code GetKeyPolicy}'s, which the findings it concerns explain.
 */
public final class LiveScan {
    private LiveScan() {}

    public static ScanResult scan(LiveRequest request, Scanner scanner, PrintWriter notes) {
        try (AwsClients aws =
                AwsCalls.call("set up the AWS clients", () -> new AwsClients(request))) {
            Map<String, String> texts = new LinkedHashMap<>();
            Scanner configured = scanner;
            DeployedTemplates templates =
                    new DeployedTemplates(aws.cloudFormation(), aws.region().id(), notes);
            Set<String> stacks = new LinkedHashSet<>(request.stacks());
            List<CrossDocumentRule> across = List.of();
            if (request.account()) {
                AccountIam.Snapshot iam = AccountIam.read(aws.iam());
                texts.put(iam.path(), iam.template());
                ManagedPolicies real =
                        ManagedPolicies.read(
                                new SourceFile(
                                        iam.path() + ":aws-managed-policies",
                                        iam.awsManagedFacts()));
                configured =
                        scanner.withManagedPolicies(ManagedPolicies.bundled().overriddenBy(real));
                Map<String, String> stackIds = templates.allStacks();
                stacks.addAll(stackIds.keySet());
                across =
                        List.of(
                                new AccountPrincipalCanReadFunctionSecrets(
                                        iam.path(),
                                        deployed(templates, stackIds),
                                        new KeyPolicies(aws.kms()),
                                        InTemplateSuppressions::ofResource));
            }
            texts.putAll(templates.read(stacks));
            return configured.scanTexts(texts, across);
        }
    }

    /**
     * Each stack by its document's path; its resources' physical ids are listed only if a check
     * needs them.
     */
    private static Map<String, AccountPrincipalCanReadFunctionSecrets.DeployedStack> deployed(
            DeployedTemplates templates, Map<String, String> stackIds) {
        Map<String, AccountPrincipalCanReadFunctionSecrets.DeployedStack> deployed =
                new LinkedHashMap<>();
        stackIds.forEach(
                (name, id) ->
                        deployed.put(
                                templates.path(name),
                                new AccountPrincipalCanReadFunctionSecrets.DeployedStack(
                                        name,
                                        functionArnPrefix(id),
                                        once(() -> templates.physicalIds(id)))));
        return deployed;
    }

    /**
     * {@code arn:PARTITION:lambda:REGION:ACCOUNT:function:} from the stack id {@code
     * arn:PARTITION:cloudformation:REGION:ACCOUNT:stack/…}.
     */
    private static String functionArnPrefix(String stackId) {
        String[] fields = stackId.split(":", 6);
        return "arn:" + fields[1] + ":lambda:" + fields[3] + ":" + fields[4] + ":function:";
    }

    private static <T> Supplier<T> once(Supplier<T> read) {
        AtomicReference<T> value = new AtomicReference<>();
        return () -> {
            if (value.get() == null) {
                value.set(read.get());
            }
            return value.get();
        };
    }
}
