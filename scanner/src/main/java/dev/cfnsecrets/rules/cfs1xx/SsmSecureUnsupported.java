package dev.cfnsecrets.rules.cfs1xx;

import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.rules.ResourceRule;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.values.EnvVariables;
import dev.cfnsecrets.rules.values.PropertyWalker;
import dev.cfnsecrets.rules.values.Rendered;
import dev.cfnsecrets.rules.values.SecretProperties;
import dev.cfnsecrets.rules.values.ValueSecrets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * CFS104: {@code {{resolve:ssm-secure:…}}} where CloudFormation rejects it — anywhere but the
 * eleven properties that accept it (docs/facts.md#where-ssm-secure-is-accepted); Lambda and ECS
 * environments among them. SAM functions fail the same way, after the transform, so a Globals value
 * is reported once, at Globals.
 */
final class SsmSecureUnsupported extends ResourceRule {
    @Override
    public String id() {
        return "CFS104";
    }

    @Override
    protected void check(RuleContext context, Template template, Resource resource) {
        for (PropertyWalker.Leaf leaf : PropertyWalker.leaves(context, resource.properties())) {
            if (SecretProperties.acceptsSsmSecure(resource.type(), leaf.path())) {
                continue;
            }
            Set<String> seen = new LinkedHashSet<>();
            for (ValueSecrets.Alternative alternative :
                    ValueSecrets.of(context, leaf.node(), leaf.name(), false).alternatives()) {
                for (ValueSecrets.Reference reference : alternative.references()) {
                    Rendered.Reference ref = reference.ref();
                    if (ref.isSsmSecure() && seen.add(ref.key())) {
                        RuleContext.Builder finding =
                                context.report(id())
                                        .resource(resource)
                                        .message(message(resource, leaf, ref))
                                        .value(ref.key());
                        reference.where().addTo(finding);
                        finding.add();
                    }
                }
            }
        }
    }

    private static String message(
            Resource resource, PropertyWalker.Leaf leaf, Rendered.Reference ref) {
        String written = "{{resolve:ssm-secure:" + ref.readableKey() + "}}";
        String deployedType =
                resource.type().equals(EnvVariables.SERVERLESS_FUNCTION)
                        ? EnvVariables.LAMBDA_FUNCTION
                        : resource.type();
        String where = deployedType + " " + leaf.path();
        if (EnvVariables.isFunction(resource) && leaf.path().startsWith("Environment.Variables.")) {
            return written
                    + " in Lambda environment variable "
                    + leaf.name()
                    + " fails the deployment: CloudFormation rejects ssm-secure there. Pass the"
                    + " parameter's name instead and read the value with decryption at runtime.";
        }
        if (resource.type().equals(EnvVariables.ECS_TASK_DEFINITION)
                && leaf.path().contains("Environment[]")) {
            return written
                    + " in an ECS container environment fails the deployment: CloudFormation"
                    + " rejects ssm-secure there. Reference the SecureString from the container's"
                    + " Secrets list instead.";
        }
        return written
                + " is not supported in "
                + where
                + ", so CloudFormation rejects the change set. Use"
                + " {{resolve:secretsmanager:…}} if the service must receive the value, or pass"
                + " the parameter's name and read it at runtime.";
    }
}
