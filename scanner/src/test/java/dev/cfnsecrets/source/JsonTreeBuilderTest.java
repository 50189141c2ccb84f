package dev.cfnsecrets.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonTreeBuilderTest {

    private static MapNode parse(String json) throws InputProblem {
        return (MapNode)
                JsonTreeBuilder.read(new SourceFile("t.json", json), Limits.DEFAULT)
                        .strict()
                        .orElseThrow();
    }

    @Test
    void nodesKnowTheirSpansAndPaths() throws InputProblem {
        MapNode root =
                parse(
                        "{\n  \"Resources\": {\n    \"Fn\": {\"Type\": \"AWS::Lambda::Function\", \"Memory\": 128}\n  }\n}\n");
        MapNode fn = root.getMap("Resources").orElseThrow().getMap("Fn").orElseThrow();
        ScalarNode type = (ScalarNode) fn.get("Type").orElseThrow();
        assertThat(type.span()).isEqualTo(new Span(3, 20, 3, 43));
        assertThat(type.path()).isEqualTo("Resources/Fn/Type");
        assertThat(fn.entry("Type").orElseThrow().key().span()).isEqualTo(new Span(3, 12, 3, 18));
        assertThat(((ScalarNode) fn.get("Memory").orElseThrow()).kind())
                .isEqualTo(ScalarNode.Kind.NUMBER);
        assertThat(fn.span()).isEqualTo(new Span(3, 11, 3, 59));
    }

    @Test
    void duplicateKeysAreRejected() {
        assertThatThrownBy(() -> parse("{\"a\": 1,\n \"a\": 2}"))
                .hasMessageContaining("duplicate key 'a' (first defined on line 1)")
                .satisfies(e -> assertThat(((InputProblem) e).span().startLine()).isEqualTo(2));
    }

    @Test
    void readingKeepsTheLastOfDuplicateKeys() throws InputProblem {
        TreeParser.Parsed parsed =
                JsonTreeBuilder.read(
                        new SourceFile("t.json", "{\"a\": 1,\n \"b\": 2,\n \"a\": 3}"),
                        Limits.DEFAULT);
        MapNode root = (MapNode) parsed.root().orElseThrow();
        assertThat(root.entries()).extracting(MapNode.Entry::name).containsExactly("a", "b");
        assertThat(root.getString("a")).contains("3");
        assertThat(parsed.duplicateKey().orElseThrow().span().startLine()).isEqualTo(3);
    }

    @Test
    void syntaxErrorsNameTheLine() {
        assertThatThrownBy(() -> parse("{\n \"a\": 1,\n}\n"))
                .hasMessageStartingWith("malformed JSON")
                .satisfies(e -> assertThat(((InputProblem) e).span().startLine()).isEqualTo(3));
    }

    @Test
    void deepNestingStopsAtTheLimit() {
        assertThatThrownBy(() -> parse("{\"a\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}"))
                .hasMessageContaining("deeper than the limit of 200");
    }

    @Test
    void trailingContentIsRejected() {
        assertThatThrownBy(() -> parse("{\"a\": 1} {\"b\": 2}"))
                .hasMessageContaining("after the end");
    }

    @Test
    void treeParserPicksJsonByTheFirstCharacter() throws InputProblem {
        assertThat(
                        TreeParser.parse(
                                        new SourceFile("x.template", "  {\"a\": [1]}"),
                                        Limits.DEFAULT)
                                .orElseThrow())
                .isInstanceOf(MapNode.class);
        assertThat(
                        TreeParser.parse(new SourceFile("x.template", "a: !Ref b"), Limits.DEFAULT)
                                .orElseThrow())
                .isInstanceOf(MapNode.class);
        assertThat(
                        TreeParser.parse(
                                new SourceFile("empty.yaml", "# only a comment\n"), Limits.DEFAULT))
                .isEmpty();
    }
}
