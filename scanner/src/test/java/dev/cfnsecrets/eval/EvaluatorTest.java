package dev.cfnsecrets.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.TestTemplates;
import dev.cfnsecrets.eval.Part.Unknown.Kind;
import dev.cfnsecrets.model.Document;
import dev.cfnsecrets.model.DocumentLoader;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.source.Limits;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.SourceFile;
import dev.cfnsecrets.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final String HEADER =
            """
            Parameters:
              Pw: {Type: String, Default: hunter2-hunter2}
              NoDefault: {Type: String}
              FromSsm: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /app/key}
              Names: {Type: CommaDelimitedList, Default: 'a,b,c'}
            Mappings:
              Env:
                prod: {Key: prod-key-value}
                dev: {Key: dev-key-value}
            Resources:
              Other: {Type: AWS::S3::Bucket}
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Environment:
                    Variables:
            """;
    private static final int FIRST_VARIABLE_LINE = 17;

    /** Evaluates variable {@code V} written on the line after the header. */
    private static Value eval(String expression) {
        Template t =
                ((Document.TemplateDocument)
                                new DocumentLoader(Limits.DEFAULT)
                                        .parse(
                                                new SourceFile(
                                                        "t.yaml",
                                                        HEADER
                                                                + "          V: "
                                                                + expression
                                                                + "\n")))
                        .template();
        MapNode vars = TestTemplates.variables(t.resources().get("Fn"));
        return new Evaluator(t).evaluate(vars.get("V").orElseThrow());
    }

    private static Value.Text text(Value value) {
        assertThat(value).isInstanceOf(Value.Text.class);
        return (Value.Text) value;
    }

    private static List<String> literals(Value.Text text) {
        return text.literals().stream().map(Part.Literal::text).toList();
    }

    @Test
    void literalsKeepTheirNodeAndSpan() {
        Value.Text v = text(eval("plain-value"));
        assertThat(v.isLiteral()).isTrue();
        assertThat(v.literal()).isEqualTo("plain-value");
        assertThat(v.literals().get(0).span())
                .isEqualTo(new Span(FIRST_VARIABLE_LINE, 14, FIRST_VARIABLE_LINE, 25));
    }

    @Test
    void refToAParameterGivesItsDefaultRememberingTheParameter() {
        Value.Text v = text(eval("!Ref Pw"));
        assertThat(v.literal()).isEqualTo("hunter2-hunter2");
        Part.Literal piece = v.literals().get(0);
        assertThat(piece.viaParameter()).isEqualTo("Pw");
        assertThat(piece.origin().path()).isEqualTo("Parameters/Pw/Default");
        assertThat(piece.span()).isEqualTo(new Span(2, 31, 2, 46));
    }

    @Test
    void unresolvableRefsAreUnknownOfTheirKind() {
        assertThat(text(eval("!Ref NoDefault")).unknowns().get(0).kind()).isEqualTo(Kind.PARAMETER);
        assertThat(text(eval("!Ref FromSsm")).unknowns().get(0).kind())
                .isEqualTo(Kind.SSM_PARAMETER);
        assertThat(text(eval("!Ref AWS::Region")).unknowns().get(0).kind())
                .isEqualTo(Kind.PSEUDO_PARAMETER);
        assertThat(text(eval("!Ref AWS::NoValue")).unknowns().get(0).kind())
                .isEqualTo(Kind.NO_VALUE);
        assertThat(text(eval("!Ref Other")).unknowns().get(0).kind()).isEqualTo(Kind.RESOURCE);
        assertThat(text(eval("!GetAtt Other.Arn")).unknowns().get(0))
                .satisfies(
                        u -> {
                            assertThat(u.kind()).isEqualTo(Kind.ATTRIBUTE);
                            assertThat(u.name()).isEqualTo("Other.Arn");
                        });
        assertThat(text(eval("!ImportValue shared")).unknowns().get(0).kind())
                .isEqualTo(Kind.IMPORT);
        assertThat(text(eval("!GetAZs ''")).unknowns().get(0).kind()).isEqualTo(Kind.OTHER);
    }

    @Test
    void subResolvesVariablesAndPinpointsItsLiteralPieces() {
        Value.Text v = text(eval("!Sub 'https://user:${Pw}@db.example.com/${AWS::Region}'"));
        assertThat(literals(v))
                .containsExactly("https://user:", "hunter2-hunter2", "@db.example.com/");
        assertThat(v.unknowns())
                .extracting(Part.Unknown::kind)
                .containsExactly(Kind.PSEUDO_PARAMETER);
        Part.Literal host = v.literals().get(2);
        // The Sub text starts in column 20 after "V: !Sub '"; "@db.example.com/" follows 18
        // characters later.
        assertThat(host.span())
                .isEqualTo(new Span(FIRST_VARIABLE_LINE, 38, FIRST_VARIABLE_LINE, 54));
        assertThat(host.origin().path())
                .isEqualTo("Resources/Fn/Properties/Environment/Variables/V/Fn::Sub");
    }

    @Test
    void subListFormBindsVariablesAndEscapesStayLiteral() {
        Value.Text v = text(eval("!Sub ['${Prefix}-${!Literal}', {Prefix: !Ref Pw}]"));
        assertThat(v.literal()).isEqualTo("hunter2-hunter2-${Literal}");
        Value.Text attr = text(eval("!Sub '${Other.Arn}/x'"));
        assertThat(attr.unknowns()).extracting(Part.Unknown::kind).containsExactly(Kind.ATTRIBUTE);
        assertThat(attr.literal()).isEqualTo("/x");
    }

    @Test
    void joinConcatenatesItemsWithTheDelimiter() {
        Value.Text v = text(eval("!Join ['-', [a, !Ref Pw, c]]"));
        assertThat(v.literal()).isEqualTo("a-hunter2-hunter2-c");
        assertThat(v.literals().get(1).origin().path())
                .isEqualTo("Resources/Fn/Properties/Environment/Variables/V/Fn::Join/0");
    }

    @Test
    void ifKeepsBothBranchesAsAlternatives() {
        Value v = eval("!If [IsProd, !Ref Pw, 'not-a-secret']");
        assertThat(v).isInstanceOf(Value.Choice.class);
        assertThat(v.alternatives())
                .extracting(Value.Text::literal)
                .containsExactly("hunter2-hunter2", "not-a-secret");
        Value inside = eval("!Sub ['x-${A}', {A: !If [C, one, two]}]");
        assertThat(inside.alternatives())
                .extracting(Value.Text::literal)
                .containsExactly("x-one", "x-two");
    }

    @Test
    void findInMapWithAKnownKeyPointsAtTheMappingEntry() {
        Value.Text v = text(eval("!FindInMap [Env, prod, Key]"));
        assertThat(v.literal()).isEqualTo("prod-key-value");
        assertThat(v.literals().get(0).origin().path()).isEqualTo("Mappings/Env/prod/Key");
        assertThat(v.literals().get(0).span()).isEqualTo(new Span(8, 17, 8, 31));
    }

    @Test
    void findInMapWithAnUnknownKeyGivesEveryCandidate() {
        Value v = eval("!FindInMap [Env, !Ref AWS::Region, Key]");
        assertThat(v.alternatives())
                .extracting(Value.Text::literal)
                .containsExactly("prod-key-value", "dev-key-value");
        assertThat(v.alternatives().get(1).literals().get(0).origin().path())
                .isEqualTo("Mappings/Env/dev/Key");
    }

    @Test
    void selectAndSplitWorkOnKnownLists() {
        Value.Text v = text(eval("!Select [1, !Split [',', 'x,yy,z']]"));
        assertThat(v.literal()).isEqualTo("yy");
        assertThat(v.literals().get(0).span())
                .isEqualTo(new Span(FIRST_VARIABLE_LINE, 42, FIRST_VARIABLE_LINE, 44));
        assertThat(text(eval("!Select [2, !Ref Names]")).literal()).isEqualTo("c");
        assertThat(eval("!Select [!Ref AWS::AccountId, [p, q]]").alternatives())
                .extracting(Value.Text::literal)
                .containsExactly("p", "q");
    }

    @Test
    void base64PassesTheValueBeforeEncoding() {
        assertThat(text(eval("!Base64 {Ref: Pw}")).literal()).isEqualTo("hunter2-hunter2");
    }

    @Test
    void dynamicReferencesAreRecognisedInsideStrings() {
        Value.Text v =
                text(eval("'pre-{{resolve:secretsmanager:MyDb:SecretString:password}}-post'"));
        assertThat(literals(v)).containsExactly("pre-", "-post");
        Part.DynamicReference ref = v.dynamicReferences().get(0);
        assertThat(ref.isSecretsManager()).isTrue();
        assertThat(ref.key()).isEqualTo("MyDb:SecretString:password");
        assertThat(ref.span())
                .isEqualTo(new Span(FIRST_VARIABLE_LINE, 19, FIRST_VARIABLE_LINE, 72));
        assertThat(
                        text(eval("'{{resolve:ssm-secure:/db/pw:3}}'"))
                                .dynamicReferences()
                                .get(0)
                                .isSsmSecure())
                .isTrue();
        assertThat(text(eval("'{{resolve:ssm:/app/url}}'")).dynamicReferences().get(0).isSsm())
                .isTrue();
    }

    @Test
    void dynamicReferencesWithBlanksInsideTheBracesAreLiteralText() {
        Value.Text v = text(eval("'{{ resolve:ssm:/app/url }}'"));
        assertThat(v.dynamicReferences()).isEmpty();
        assertThat(v.literal()).isEqualTo("{{ resolve:ssm:/app/url }}");
        assertThat(text(eval("'{{resolve:vault:x}}'")).dynamicReferences()).isEmpty();
    }

    @Test
    void aMapThatIsNotAFunctionIsUnknown() {
        assertThat(text(eval("{Nested: map}")).unknowns().get(0).kind()).isEqualTo(Kind.OTHER);
    }
}
