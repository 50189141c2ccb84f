package dev.cfnsecrets.rules.cfs3xx;

import dev.cfnsecrets.iam.Actions;
import dev.cfnsecrets.iam.Exposure;
import dev.cfnsecrets.iam.Statement;
import dev.cfnsecrets.rules.CdkAdvice;
import java.util.List;
import java.util.Optional;

/**
 * CFS301: an Allow that grants a function-configuration read on every function. The configuration
 * holds the environment variables, so the holder reads every function's secrets.
 */
final class FunctionConfigReadableWidely extends GrantOnAllRule {
    @Override
    public String id() {
        return "CFS301";
    }

    @Override
    Optional<Exposure.Grant> grant(Statement s, List<List<Statement>> sets) {
        return Exposure.configReadsOnAllFunctions(s, sets);
    }

    @Override
    String message(String policy, Exposure.Grant grant, boolean inCdkApp) {
        boolean lists =
                grant.actions().stream().anyMatch(a -> a.action().equals(Actions.LIST_FUNCTIONS));
        return "The "
                + policy
                + " allows "
                + grant.describeActions()
                + " on all functions ("
                + grant.resources()
                + "), so the holder can read every function's environment variables. "
                + (inCdkApp
                        ? CdkAdvice.resourcesInstead("functions", "fn.functionArn")
                        : "Scope Resource to the function ARNs it needs")
                + (lists ? "; lambda:ListFunctions cannot be scoped, so drop it" : "")
                + ".";
    }
}
