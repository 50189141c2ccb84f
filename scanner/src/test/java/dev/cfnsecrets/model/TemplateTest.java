package dev.cfnsecrets.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.TestTemplates;
import dev.cfnsecrets.source.Limits;
import dev.cfnsecrets.source.ListNode;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.ScalarNode;
import dev.cfnsecrets.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateTest {
    private static Document load(String text) {
        return new DocumentLoader(Limits.DEFAULT).parse(new SourceFile("t.yaml", text));
    }

    private static Template template(String text) {
        return ((Document.TemplateDocument) load(text)).template();
    }

    private static String value(MapNode map, String key) {
        return ((ScalarNode) map.get(key).orElseThrow()).value();
    }

    @Test
    void classifiesAsSpecSectionTwoSays() {
        assertThat(load("AWSTemplateFormatVersion: '2010-09-09'\n"))
                .isInstanceOf(Document.TemplateDocument.class);
        assertThat(load("Resources:\n  B: {Type: AWS::S3::Bucket}\n"))
                .isInstanceOf(Document.TemplateDocument.class);
        assertThat(load("Version: '2012-10-17'\nStatement: []\n"))
                .isInstanceOf(Document.PolicyDocument.class);
        assertThat(load("name: ci\non: push\n")).isInstanceOf(Document.NotOurs.class);
        assertThat(load("Resources:\n  B: {Properties: {}}\n"))
                .isInstanceOf(Document.NotOurs.class);
        assertThat(load("- a\n- b\n")).isInstanceOf(Document.NotOurs.class);
        assertThat(load("a: [unclosed\n")).isInstanceOf(Document.Unreadable.class);
    }

    @Test
    void samGlobalsMergeMapsWithLocalKeysWinning() {
        Template t =
                template(
                        """
                Globals:
                  Function:
                    Runtime: python3.12
                    Environment:
                      Variables: {TABLE: global-table, MODE: global}
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: nodejs20.x
                      Environment:
                        Variables: {MODE: local, EXTRA: x}
                """);
        Resource fn = t.resources().get("Fn");
        MapNode vars = TestTemplates.variables(fn);
        assertThat(vars.entries())
                .extracting(MapNode.Entry::name)
                .containsExactly("TABLE", "MODE", "EXTRA");
        assertThat(value(vars, "MODE")).isEqualTo("local");
        assertThat(vars.get("TABLE").orElseThrow().path())
                .isEqualTo("Globals/Function/Environment/Variables/TABLE");
        assertThat(vars.get("TABLE").orElseThrow().span().startLine()).isEqualTo(5);
        assertThat(vars.get("MODE").orElseThrow().path())
                .isEqualTo("Resources/Fn/Properties/Environment/Variables/MODE");
        assertThat(value(fn.properties(), "Runtime")).isEqualTo("nodejs20.x");
    }

    @Test
    void samGlobalsConcatenateListsAndLetLocalIntrinsicsWin() {
        Template t =
                template(
                        """
                Globals:
                  Function:
                    Layers: [arn:global-layer]
                    Environment:
                      Variables: {A: a}
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Layers: [arn:local-layer]
                      Environment: !If [Prod, {Variables: {B: b}}, !Ref AWS::NoValue]
                """);
        Resource fn = t.resources().get("Fn");
        ListNode layers = (ListNode) fn.properties().get("Layers").orElseThrow();
        assertThat(layers.items())
                .extracting(n -> ((ScalarNode) n).value())
                .containsExactly("arn:global-layer", "arn:local-layer");
        assertThat(((MapNode) fn.properties().get("Environment").orElseThrow()).intrinsic())
                .isPresent();
    }

    @Test
    void samGlobalsNeverApplyToPlainLambdaFunctionsAndHonourIgnoreGlobals() {
        Template t =
                template(
                        """
                Globals:
                  Function:
                    Environment:
                      Variables: {A: a}
                    Timeout: 30
                Resources:
                  Plain:
                    Type: AWS::Lambda::Function
                    Properties: {Handler: x}
                  Ignoring:
                    Type: AWS::Serverless::Function
                    IgnoreGlobals: [Environment]
                    Properties: {Handler: x}
                  All:
                    Type: AWS::Serverless::Function
                    IgnoreGlobals: '*'
                  Bare:
                    Type: AWS::Serverless::Function
                """);
        assertThat(t.resources().get("Plain").properties().has("Environment")).isFalse();
        assertThat(t.resources().get("Ignoring").properties().has("Environment")).isFalse();
        assertThat(t.resources().get("Ignoring").properties().has("Timeout")).isTrue();
        assertThat(t.resources().get("All").properties().entries()).isEmpty();
        assertThat(value(TestTemplates.variables(t.resources().get("Bare")), "A")).isEqualTo("a");
    }

    @Test
    void otherGlobalsSectionsApplyToTheirOwnServerlessType() {
        Template t =
                template(
                        """
                Globals:
                  Api: {TracingEnabled: true}
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                  Fn:
                    Type: AWS::Serverless::Function
                """);
        assertThat(t.resources().get("Api").properties().has("TracingEnabled")).isTrue();
        assertThat(t.resources().get("Fn").properties().has("TracingEnabled")).isFalse();
    }

    @Test
    void parametersAndCdkPathsAreRead() {
        Template t =
                template(
                        """
                Parameters:
                  DbPassword: {Type: String, NoEcho: true, Default: x}
                  Names: {Type: CommaDelimitedList}
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Metadata: {aws:cdk:path: MyStack/Handler/Resource}
                """);
        assertThat(t.parameters().keySet()).containsExactly("DbPassword", "Names");
        assertThat(t.parameters().get("DbPassword").noEcho()).isTrue();
        assertThat(t.parameters().get("DbPassword").defaultValue()).isPresent();
        assertThat(t.parameters().get("Names").type()).isEqualTo("CommaDelimitedList");
        assertThat(t.resources().get("Fn").cdkPath()).contains("MyStack/Handler/Resource");
        assertThat(t.resources().get("Fn").properties().path())
                .isEqualTo("Resources/Fn/Properties");
        assertThat(List.copyOf(t.resources().keySet())).containsExactly("Fn");
    }
}
