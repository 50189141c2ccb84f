package dev.cfnsecrets.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expansions computed independently over the same action lists (docs/facts.md#iam-action-names).
 */
class ActionCatalogTest {
    private final ActionCatalog catalog = ActionCatalog.bundled();

    @Test
    void holdsTheLambdaAndKmsActionLists() {
        assertThat(catalog.expand("lambda:*")).hasSize(119);
        assertThat(catalog.expand("kms:*")).hasSize(56);
        List<String> concerns = new ArrayList<>(Actions.FUNCTION_CONFIG_READS);
        concerns.add(Actions.LIST_FUNCTIONS);
        concerns.addAll(Actions.DECRYPT);
        concerns.addAll(Actions.DECRYPT_BY_ESCALATION);
        assertThat(catalog.all()).containsAll(concerns);
    }

    @Test
    void wildcardExpansions() {
        assertThat(catalog.expand("lambda:Get*"))
                .hasSize(27)
                .contains(
                        "lambda:GetFunction",
                        "lambda:GetFunctionConfiguration",
                        "lambda:GetResourcePolicy")
                .doesNotContain("lambda:ListTags");
        assertThat(catalog.expand("lambda:GetFunction*")).hasSize(8);
        assertThat(catalog.expand("lambda:*Configuration*"))
                .containsExactlyInAnyOrder(
                        "lambda:GetFunctionConfiguration", "lambda:UpdateFunctionConfiguration");
        assertThat(catalog.expand("lambda:List*"))
                .hasSize(22)
                .contains("lambda:ListFunctions", "lambda:ListVersionsByFunction");
        assertThat(catalog.expand("lambda:*Function"))
                .containsExactlyInAnyOrder(
                        "lambda:CreateFunction",
                        "lambda:DeleteFunction",
                        "lambda:GetFunction",
                        "lambda:InvokeFunction",
                        "lambda:ListDurableExecutionsByFunction",
                        "lambda:ListVersionsByFunction");
        assertThat(catalog.expand("kms:*crypt*"))
                .containsExactlyInAnyOrder(
                        "kms:Decrypt", "kms:Encrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo");
        assertThat(catalog.expand("kms:De*")).hasSize(7).contains("kms:Decrypt");
        assertThat(catalog.expand("kms:Re*"))
                .containsExactlyInAnyOrder(
                        "kms:ReEncryptFrom",
                        "kms:ReEncryptTo",
                        "kms:ReplicateKey",
                        "kms:RetireGrant",
                        "kms:RevokeGrant");
    }

    @Test
    void expansionIgnoresCase() {
        assertThat(catalog.expand("LAMBDA:GETFUNCTION?ONFIGURATION"))
                .containsExactly("lambda:GetFunctionConfiguration");
    }
}
