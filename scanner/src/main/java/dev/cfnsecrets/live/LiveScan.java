package dev.cfnsecrets.live;

import dev.cfnsecrets.iam.ManagedPolicies;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.scan.Scanner;
import dev.cfnsecrets.source.SourceFile;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code scan --aws-stack}/{@code --aws-account}: reads the deployed templates and, for the
 * account, its IAM, then scans them with the given scanner. Read-only: it calls only
 * {@code cloudformation:DescribeStacks}, {@code cloudformation:GetTemplate} and {@code
 * iam:GetAccountAuthorizationDetails}. An AWS failure is a {@link dev.cfnsecrets.config.ConfigException}
 * with a one-line message.
 */
public final class LiveScan {
    private LiveScan() {
    }

    public static ScanResult scan(LiveRequest request, Scanner scanner, PrintWriter notes) {
        try (AwsClients aws = AwsCalls.call("set up the AWS clients", () -> new AwsClients(request))) {
            Map<String, String> texts = new LinkedHashMap<>();
            Scanner configured = scanner;
            if (request.account()) {
                AccountIam.Snapshot iam = AccountIam.read(aws.iam());
                texts.put(iam.path(), iam.template());
                ManagedPolicies real = ManagedPolicies.read(
                        new SourceFile(iam.path() + ":aws-managed-policies", iam.awsManagedFacts()));
                configured = scanner.withManagedPolicies(ManagedPolicies.bundled().overriddenBy(real));
            }
            DeployedTemplates templates = new DeployedTemplates(aws.cloudFormation(), aws.region().id(), notes);
            Set<String> stacks = new LinkedHashSet<>(request.stacks());
            if (request.account()) {
                stacks.addAll(templates.allStacks());
            }
            texts.putAll(templates.read(stacks));
            return configured.scanTexts(texts);
        }
    }
}
