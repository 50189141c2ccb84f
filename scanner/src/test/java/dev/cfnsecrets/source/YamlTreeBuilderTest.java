package dev.cfnsecrets.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class YamlTreeBuilderTest {

    private static MapNode parse(String yaml) throws InputProblem {
        return (MapNode)
                YamlTreeBuilder.read(new SourceFile("t.yaml", yaml), Limits.DEFAULT)
                        .strict()
                        .orElseThrow();
    }

    @Test
    void scalarsKnowTheirSpanPathAndKind() throws InputProblem {
        MapNode root =
                parse(
                        "Resources:\n  Fn:\n    Memory: 128\n    Name: 'x y'\n    On: true\n    Off: ~\n");
        MapNode fn = root.getMap("Resources").orElseThrow().getMap("Fn").orElseThrow();
        ScalarNode memory = (ScalarNode) fn.get("Memory").orElseThrow();
        assertThat(memory.span()).isEqualTo(new Span(3, 13, 3, 16));
        assertThat(memory.path()).isEqualTo("Resources/Fn/Memory");
        assertThat(memory.kind()).isEqualTo(ScalarNode.Kind.NUMBER);
        ScalarNode name = (ScalarNode) fn.get("Name").orElseThrow();
        assertThat(name.value()).isEqualTo("x y");
        assertThat(name.span()).isEqualTo(new Span(4, 11, 4, 16));
        assertThat(name.style()).isEqualTo(ScalarNode.Style.SINGLE_QUOTED);
        assertThat(((ScalarNode) fn.get("On").orElseThrow()).kind())
                .isEqualTo(ScalarNode.Kind.BOOLEAN);
        assertThat(((ScalarNode) fn.get("Off").orElseThrow()).isNull()).isTrue();
        assertThat(fn.entry("Memory").orElseThrow().key().span()).isEqualTo(new Span(3, 5, 3, 11));
    }

    @Test
    void plainScalarsTakeTheCoreSchemaKinds() throws InputProblem {
        MapNode root =
                parse(
                        "a: null\nb: NULL\nc:\nd: False\ne: TRUE\nf: -12\ng: +.5e3\nh: .inf\n"
                                + "i: 0x1F\nj: .NaN\nk: nULL\nl: yes\nm: '1'\nn: 1.2.3\no: -x\np: .git\n");
        String kinds =
                String.join(
                        " ",
                        root.entries().stream()
                                .map(e -> ((ScalarNode) e.value()).kind().toString())
                                .toList());
        assertThat(kinds)
                .isEqualTo(
                        "NULL NULL NULL BOOLEAN BOOLEAN NUMBER NUMBER NUMBER NUMBER NUMBER"
                                + " STRING STRING STRING STRING STRING STRING");
    }

    @Test
    void shortTagsBecomeLongFormMapsWhoseKeySpansTheTag() throws InputProblem {
        MapNode root = parse("A: !Sub 'arn:${AWS::Partition}:s3:::b'\nB: !Ref Param\n");
        MapNode sub = (MapNode) root.get("A").orElseThrow();
        MapNode.Entry call = sub.intrinsic().orElseThrow();
        assertThat(call.name()).isEqualTo("Fn::Sub");
        assertThat(call.key().span()).isEqualTo(new Span(1, 4, 1, 8));
        ScalarNode format = (ScalarNode) call.value();
        assertThat(format.value()).isEqualTo("arn:${AWS::Partition}:s3:::b");
        assertThat(format.span()).isEqualTo(new Span(1, 9, 1, 39));
        assertThat(format.path()).isEqualTo("A/Fn::Sub");
        assertThat(((MapNode) root.get("B").orElseThrow()).intrinsic().orElseThrow().name())
                .isEqualTo("Ref");
    }

    @Test
    void getAttDotFormSplitsAtTheFirstDotWithExactSpans() throws InputProblem {
        MapNode root = parse("X: !GetAtt Db.Endpoint.Address\n");
        ListNode args =
                (ListNode)
                        ((MapNode) root.get("X").orElseThrow()).intrinsic().orElseThrow().value();
        ScalarNode resource = (ScalarNode) args.items().get(0);
        ScalarNode attribute = (ScalarNode) args.items().get(1);
        assertThat(resource.value()).isEqualTo("Db");
        assertThat(attribute.value()).isEqualTo("Endpoint.Address");
        assertThat(resource.span()).isEqualTo(new Span(1, 12, 1, 14));
        assertThat(attribute.span()).isEqualTo(new Span(1, 15, 1, 31));
    }

    @Test
    void everyIntrinsicShortTagIsAccepted() throws InputProblem {
        String[] tags = {
            "Ref",
            "Sub",
            "GetAtt",
            "Join",
            "If",
            "Equals",
            "Not",
            "And",
            "Or",
            "Condition",
            "FindInMap",
            "Select",
            "Split",
            "Base64",
            "Cidr",
            "GetAZs",
            "ImportValue",
            "Transform"
        };
        StringBuilder yaml = new StringBuilder();
        for (String tag : tags) {
            yaml.append(tag).append(": !").append(tag).append(" [a, b]\n");
        }
        MapNode root = parse(yaml.toString());
        for (String tag : tags) {
            String expected = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
            assertThat(((MapNode) root.get(tag).orElseThrow()).entries().get(0).name())
                    .isEqualTo(expected);
        }
    }

    @Test
    void blockSubFormKeepsItsText() throws InputProblem {
        MapNode root = parse("S: !Sub |\n  line one ${Name}\n  line two\n");
        ScalarNode text =
                (ScalarNode)
                        ((MapNode) root.get("S").orElseThrow()).intrinsic().orElseThrow().value();
        assertThat(text.value()).isEqualTo("line one ${Name}\nline two\n");
        assertThat(text.style()).isEqualTo(ScalarNode.Style.BLOCK);
    }

    @Test
    void duplicateKeysAreRejectedAtTheSecondKey() {
        assertThatThrownBy(() -> parse("A: 1\nB: 2\nA: 3\n"))
                .isInstanceOf(InputProblem.class)
                .hasMessageContaining("duplicate key 'A' (first defined on line 1)")
                .satisfies(e -> assertThat(((InputProblem) e).span().startLine()).isEqualTo(3));
    }

    @Test
    void readingKeepsTheLastOfDuplicateKeysInThePlaceOfTheFirstAndNamesTheFirstDuplicate()
            throws InputProblem {
        TreeParser.Parsed parsed =
                YamlTreeBuilder.read(
                        new SourceFile("t.yaml", "A: 1\nB: {C: x, C: y}\nA: 3\n"), Limits.DEFAULT);
        MapNode root = (MapNode) parsed.root().orElseThrow();
        assertThat(root.entries()).extracting(MapNode.Entry::name).containsExactly("A", "B");
        assertThat(root.getString("A")).contains("3");
        assertThat(root.getMap("B").orElseThrow().getString("C")).contains("y");
        InputProblem duplicate = parsed.duplicateKey().orElseThrow();
        assertThat(duplicate.getMessage()).isEqualTo("duplicate key 'C' (first defined on line 2)");
        assertThat(duplicate.isMalformed()).isTrue();
    }

    @Test
    void aSyntaxErrorAfterADuplicateKeyReportsTheDuplicateAsBefore() {
        assertThatThrownBy(
                        () ->
                                YamlTreeBuilder.read(
                                        new SourceFile("t.yaml", "A: 1\nA: 2\nB: [x\n"),
                                        Limits.DEFAULT))
                .hasMessageContaining("duplicate key 'A'");
    }

    @Test
    void limitsAreNotMalformedText() {
        assertThatThrownBy(
                        () ->
                                YamlTreeBuilder.read(
                                        new SourceFile("t.yaml", "a: [[[[x]]]]\n"),
                                        new Limits(10_000, 100, 3)))
                .isInstanceOf(InputProblem.class)
                .satisfies(e -> assertThat(((InputProblem) e).isMalformed()).isFalse());
    }

    @Test
    void unknownTagsAreRejectedWithTheirPosition() {
        assertThatThrownBy(() -> parse("A:\n  B: !Reff x\n"))
                .isInstanceOf(InputProblem.class)
                .hasMessageContaining("unknown tag (CloudFormation knows")
                .hasMessageNotContaining("Reff")
                .satisfies(e -> assertThat(((InputProblem) e).span()).isEqualTo(Span.point(2, 6)));
    }

    @Test
    void preprocessorDirectivesAreKeptOpaque() throws InputProblem {
        MapNode root = parse("Code: !Rain::Embed handler.py\n");
        assertThat(((MapNode) root.get("Code").orElseThrow()).entries().get(0).name())
                .isEqualTo("Rain::Embed");
    }

    @Test
    void aliasesAreCountedAndTheirExpansionIsCapped() {
        StringBuilder many = new StringBuilder("a: &a x\nl: [");
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "*a" : ", *a");
        }
        assertThatThrownBy(() -> parse(many + "]\n"))
                .hasMessageContaining("more than 100 YAML aliases");

        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        String previous = "a";
        for (String name : new String[] {"b", "c", "d", "e", "f", "g", "h"}) {
            bomb.append(name)
                    .append(": &")
                    .append(name)
                    .append(" [")
                    .append(("*" + previous + ", ").repeat(9))
                    .append('*')
                    .append(previous)
                    .append("]\n");
            previous = name;
        }
        assertThatThrownBy(() -> parse(bomb.toString())).hasMessageContaining("alias bomb");
    }

    @Test
    void aliasesWithinLimitsResolveToTheAnchoredNode() throws InputProblem {
        MapNode root = parse("a: &tags {Team: x}\nb: *tags\n");
        assertThat(root.get("b").orElseThrow()).isSameAs(root.get("a").orElseThrow());
    }

    @Test
    void nestingBeyondTheLimitStopsEarly() {
        String deep = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        assertThatThrownBy(() -> parse(deep))
                .hasMessageContaining("deeper than the limit of 200")
                .satisfies(e -> assertThat(((InputProblem) e).span().startLine()).isEqualTo(1));
    }

    @Test
    void aSecondDocumentIsRejected() {
        assertThatThrownBy(() -> parse("a: 1\n---\nb: 2\n"))
                .hasMessageContaining("second '---' document");
    }

    @Test
    void syntaxErrorsNameTheLineAndDoNotQuoteLongText() {
        assertThatThrownBy(() -> parse("A:\n  B: [unclosed, sk_live_abcdefghijklmnop\n"))
                .isInstanceOf(InputProblem.class)
                .hasMessageStartingWith("malformed YAML")
                .hasMessageNotContaining("abcdefghijklmnop")
                .satisfies(e -> assertThat(((InputProblem) e).span().startLine()).isEqualTo(2));
    }

    @Test
    void columnsCountUtf16UnitsAfterSupplementaryCharacters() throws InputProblem {
        MapNode root = parse("A: \"\uD83D\uDE00\"\nB: [\"\uD83D\uDE00\", x]\n");
        ListNode list = (ListNode) root.get("B").orElseThrow();
        assertThat(list.items().get(1).span()).isEqualTo(new Span(2, 11, 2, 12));
    }

    /**
     * A long plain scalar used to be read through a 1 KB buffer whose window the reader copies on
     * every refill: quadratic, a minute for a few megabytes. The timeout only guards against that.
     */
    @Test
    @Timeout(30)
    void aMultiMegabytePlainScalarIsReadWhole() throws InputProblem {
        String value = "x".repeat(6 << 20);
        ScalarNode big =
                (ScalarNode)
                        parse("Description: " + value + "\nOther: y\n")
                                .get("Description")
                                .orElseThrow();
        assertThat(big.value()).hasSize(6 << 20);
        assertThat(big.span()).isEqualTo(new Span(1, 14, 1, 14 + (6 << 20)));
    }

    @Test
    void theReadBufferFitsSmallFilesAndStopsAtOneMegabyte() {
        assertThat(YamlTreeBuilder.readBufferSize("a: b\n")).isEqualTo(1024);
        assertThat(YamlTreeBuilder.readBufferSize("x".repeat(300_000))).isEqualTo(300_001);
        assertThat(YamlTreeBuilder.readBufferSize("x".repeat(5 << 20))).isEqualTo(1 << 20);
    }

    @Test
    void parserRuntimeExceptionsBecomeProblems() {
        // snakeyaml-engine throws NumberFormatException for a unicode escape cut off by the end of
        // input.
        assertThatThrownBy(() -> parse("Resources: {}\na: \"ab\\u12"))
                .isInstanceOf(InputProblem.class)
                .hasMessageContaining("malformed YAML")
                .satisfies(e -> assertThat(((InputProblem) e).span().startLine()).isEqualTo(2));
    }
}
