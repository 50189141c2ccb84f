package dev.cfnsecrets.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.source.Limits;
import dev.cfnsecrets.source.SourceFile;
import org.junit.jupiter.api.Test;

/** Which templates count as synthesised by the CDK, so that their advice speaks CDK. */
class TemplateCdkOutputTest {
    private static boolean isCdkOutput(String text) {
        Document document =
                new DocumentLoader(Limits.DEFAULT).parse(new SourceFile("t.yaml", text));
        return ((Document.TemplateDocument) document).template().isCdkOutput();
    }

    @Test
    void aConstructPathTheCdkMetadataResourceOrTheBootstrapCheckMarkCdkOutput() {
        assertThat(
                        isCdkOutput(
                                "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n"
                                        + "    Metadata: {aws:cdk:path: App/Fn/Resource}\n"))
                .isTrue();
        // --no-path-metadata: the stack (nested ones too) still has its CDKMetadata resource.
        assertThat(
                        isCdkOutput(
                                "Resources:\n  Fn: {Type: AWS::Lambda::Function}\n"
                                        + "  CDKMetadata: {Type: AWS::CDK::Metadata}\n"))
                .isTrue();
        // --no-version-reporting as well: the default synthesizer's bootstrap check is left.
        assertThat(
                        isCdkOutput(
                                "Resources:\n  Fn: {Type: AWS::Lambda::Function}\n"
                                        + "Rules:\n  CheckBootstrapVersion: {Assertions: []}\n"))
                .isTrue();
    }

    @Test
    void aHandWrittenTemplateIsNot() {
        assertThat(
                        isCdkOutput(
                                "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n"
                                        + "    Metadata: {cfn-lint: {config: {}}}\n"
                                        + "Rules:\n  Region: {Assertions: []}\n"))
                .isFalse();
    }
}
