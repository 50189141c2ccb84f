package dev.cfnsecrets.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.TestTemplates;
import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.model.Document;
import dev.cfnsecrets.model.DocumentLoader;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.rules.values.EnvConcern;
import dev.cfnsecrets.rules.values.EnvSecrets;
import dev.cfnsecrets.source.Limits;
import dev.cfnsecrets.source.SourceFile;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentScopeTest {
    private static final String TEMPLATE =
            TestTemplates.functionWithVariables("DB_PASSWORD: hunter2-Xq9v!")
                    + String.join(
                            "\n",
                            "  Role:",
                            "    Type: AWS::IAM::Role",
                            "    Properties:",
                            "      Policies:",
                            "        - PolicyName: read",
                            "          PolicyDocument:",
                            "            Statement:",
                            "              - Effect: Allow",
                            "                Action: lambda:GetFunctionConfiguration",
                            "                Resource: '*'",
                            "");

    private static Document document() {
        return new DocumentLoader(Limits.DEFAULT).parse(new SourceFile("t.yaml", TEMPLATE));
    }

    /** A computation whose every result is a new object. */
    private static final Shared<Object> MADE = new Shared<>(scope -> new Object());

    private static RuleContext context(DocumentScope scope) {
        return new RuleContext(scope, Catalog.bundled(), Map.of());
    }

    @Test
    void theContextsOfOneDocumentShareItsEvaluatorAndResults() {
        DocumentScope scope = new DocumentScope(document(), RuleSettings.DEFAULT);
        RuleContext first = context(scope);
        RuleContext second = context(scope);
        Resource fn = first.template().orElseThrow().resources().get("Fn");

        assertThat(second.evaluator()).isSameAs(first.evaluator());
        assertThat(second.shared(MADE)).isSameAs(first.shared(MADE));
        assertThat(EnvSecrets.concerns(second, fn))
                .isSameAs(EnvSecrets.concerns(first, fn))
                .extracting(EnvConcern::kind)
                .containsExactly(EnvConcern.Kind.SECRET_LITERAL);
    }

    @Test
    void eachDocumentHasItsOwnResults() {
        RuleContext one = context(new DocumentScope(document(), RuleSettings.DEFAULT));
        RuleContext other = context(new DocumentScope(document(), RuleSettings.DEFAULT));

        assertThat(other.evaluator()).isNotSameAs(one.evaluator());
        assertThat(other.shared(MADE)).isNotSameAs(one.shared(MADE));
    }

    @Test
    void aSharedComputationMayAskForAnother() {
        Shared<Integer> nested = new Shared<>(s -> s.shared(new Shared<>(t -> 1)) + 1);
        DocumentScope scope = new DocumentScope(document(), RuleSettings.DEFAULT);

        assertThat(scope.shared(nested)).isEqualTo(2);
    }
}
