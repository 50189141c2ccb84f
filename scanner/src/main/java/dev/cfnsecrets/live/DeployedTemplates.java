package dev.cfnsecrets.live;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.GetTemplateResponse;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.cloudformation.model.TemplateStage;

/**
 * The templates of deployed stacks, as CloudFormation runs them: {@code GetTemplate} of the
 * processed stage (after SAM and other transforms), each shown as {@code
 * aws:cloudformation:REGION:STACK} so that findings name the stack and a line of that template.
 */
final class DeployedTemplates {
    private static final String PREFIX = "aws:cloudformation:";

    private final CloudFormationClient cloudFormation;
    private final String region;
    private final PrintWriter notes;

    DeployedTemplates(CloudFormationClient cloudFormation, String region, PrintWriter notes) {
        this.cloudFormation = cloudFormation;
        this.region = region;
        this.notes = notes;
    }

    /**
     * Every stack of the account in this Region that has a deployed template, name → stack id
     * (DescribeStacks, paginated).
     */
    Map<String, String> allStacks() {
        return AwsCalls.call(
                "list the stacks in " + region,
                () -> {
                    Map<String, String> ids = new LinkedHashMap<>();
                    for (Stack stack : cloudFormation.describeStacksPaginator(r -> {}).stacks()) {
                        // A stack under review has only a change set; there is no deployed template
                        // yet.
                        if (stack.stackStatus() != StackStatus.REVIEW_IN_PROGRESS) {
                            ids.put(stack.stackName(), stack.stackId());
                        }
                    }
                    return ids;
                });
    }

    /** The display path of a stack's template. */
    String path(String stack) {
        return PREFIX + region + ":" + stackName(stack);
    }

    /** Logical id → physical id of each resource of the stack (ListStackResources, paginated). */
    Map<String, String> physicalIds(String stack) {
        return AwsCalls.call(
                "list the resources of stack '" + stack + "'",
                () -> {
                    Map<String, String> ids = new LinkedHashMap<>();
                    for (StackResourceSummary r :
                            cloudFormation
                                    .listStackResourcesPaginator(q -> q.stackName(stack))
                                    .stackResourceSummaries()) {
                        if (r.physicalResourceId() != null) {
                            ids.put(r.logicalResourceId(), r.physicalResourceId());
                        }
                    }
                    return ids;
                });
    }

    /** Display path → template body, in the order given. */
    Map<String, String> read(Set<String> stacks) {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String stack : stacks) {
            bodies.put(path(stack), body(stack));
        }
        return bodies;
    }

    /**
     * The processed template; the original one, with a note, when CloudFormation has no processed
     * stage for the stack (the rules then see the transform's input, not what was deployed). Which
     * stages exist is CloudFormation's answer ({@code StagesAvailable}), not a guess from an error
     * message: any other failure of the processed stage is reported as it is.
     */
    private String body(String stack) {
        return AwsCalls.call(
                "read the template of stack '" + stack + "'",
                () -> {
                    try {
                        return template(stack, TemplateStage.PROCESSED).templateBody();
                    } catch (CloudFormationException processedFailed) {
                        GetTemplateResponse original = template(stack, TemplateStage.ORIGINAL);
                        if (original.stagesAvailable().contains(TemplateStage.PROCESSED)) {
                            throw processedFailed;
                        }
                        notes.println(
                                "cfn-secrets: stack '"
                                        + stack
                                        + "' has no processed template; scanned the original one");
                        return original.templateBody();
                    }
                });
    }

    private GetTemplateResponse template(String stack, TemplateStage stage) {
        return cloudFormation.getTemplate(r -> r.stackName(stack).templateStage(stage));
    }

    /**
     * A stack id (ARN) {@code arn:aws:cloudformation:REGION:ACCOUNT:stack/NAME/ID} is shown by its
     * name.
     */
    private static String stackName(String stackNameOrId) {
        if (stackNameOrId.startsWith("arn:")) {
            String[] parts = stackNameOrId.split("/");
            if (parts.length >= 2) {
                return parts[1];
            }
        }
        return stackNameOrId;
    }
}
