package dev.cfnsecrets.iam;

import dev.cfnsecrets.eval.Evaluator;
import dev.cfnsecrets.model.Document;
import dev.cfnsecrets.model.DocumentLoader;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.source.Limits;
import dev.cfnsecrets.source.SourceFile;

/** Test helper: a template from YAML text, and its policy inventory. */
final class Inventories {
    private Inventories() {}

    static Template template(String yaml) {
        Document d = new DocumentLoader(Limits.DEFAULT).parse(new SourceFile("test.yaml", yaml));
        return ((Document.TemplateDocument) d).template();
    }

    static PolicyInventory of(String yaml) {
        Template t = template(yaml);
        return PolicyInventory.of(t, new Evaluator(t)::evaluate);
    }

    /**
     * A role with one inline policy whose statements are {@code statementsYaml} (a YAML list), next
     * to functions {@code Fn} and {@code Other} and a key {@code Key} that statements may
     * reference.
     */
    static PolicyInventory role(String statementsYaml) {
        return of(
                """
                Resources:
                  Fn: {Type: AWS::Lambda::Function, Properties: {Handler: index.handler}}
                  Other: {Type: AWS::Lambda::Function, Properties: {Handler: index.handler}}
                  Key: {Type: AWS::KMS::Key, Properties: {}}
                  R:
                    Type: AWS::IAM::Role
                    Properties:
                      Policies:
                        - PolicyName: p
                          PolicyDocument:
                            Statement:
                """
                        + statementsYaml.indent(14));
    }

    static Policy only(PolicyInventory inventory) {
        return inventory.policies().get(0);
    }
}
