package dev.cfnsecrets.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the {@link Node} tree from Jackson's streaming parser, which reports token locations. */
public final class JsonTreeBuilder implements TreeParser.Reading {
    private static final JsonFactory FACTORY =
            JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder()
                                    .maxNestingDepth(Integer.MAX_VALUE)
                                    .maxStringLength(Integer.MAX_VALUE)
                                    .maxDocumentLength(-1)
                                    .build())
                    .build();

    private final SourceFile source;
    private final Limits limits;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private Node root;

    /** The first duplicate key, if any. */
    private InputProblem duplicate;

    private JsonTreeBuilder(SourceFile source, Limits limits) {
        this.source = source;
        this.limits = limits;
    }

    /**
     * The document's root node (empty for a file without content) as CloudFormation reads it: of
     * duplicate keys, the last one.
     */
    public static TreeParser.Parsed read(SourceFile source, Limits limits) throws InputProblem {
        return TreeParser.read(new JsonTreeBuilder(source, limits));
    }

    @Override
    public Optional<InputProblem> duplicateKey() {
        return Optional.ofNullable(duplicate);
    }

    @Override
    public Optional<Node> run() throws InputProblem {
        try (JsonParser parser = FACTORY.createParser(source.text())) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (root != null && stack.isEmpty()) {
                    throw at(
                            "unexpected content after the end of the JSON document",
                            parser.currentTokenLocation());
                }
                switch (token) {
                    case START_OBJECT, START_ARRAY -> open(parser, token == JsonToken.START_OBJECT);
                    case END_OBJECT, END_ARRAY -> close(parser);
                    case FIELD_NAME -> key(parser);
                    default -> scalar(parser, token);
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw InputProblem.malformed(
                    "malformed JSON: " + ProblemText.safe(e.getOriginalMessage()),
                    where == null ? 1 : where.getLineNr(),
                    where == null ? 1 : where.getColumnNr());
        } catch (IOException e) {
            throw InputProblem.malformed(
                    "cannot read JSON: " + ProblemText.safe(e.getMessage()), 1, 1);
        }
        if (!stack.isEmpty()) {
            throw InputProblem.malformed(
                    "malformed JSON: unexpected end of input", source.lineCount(), 1);
        }
        return Optional.ofNullable(root);
    }

    private void open(JsonParser parser, boolean isMap) throws InputProblem {
        if (stack.size() >= limits.maxDepth()) {
            JsonLocation l = parser.currentTokenLocation();
            throw new InputProblem(
                    "nesting is deeper than the limit of " + limits.maxDepth() + " levels",
                    l.getLineNr(),
                    l.getColumnNr());
        }
        stack.push(new Frame(isMap, start(parser), childPath()));
    }

    private void close(JsonParser parser) throws InputProblem {
        Frame frame = stack.pop();
        Span span =
                new Span(
                        frame.start[0],
                        frame.start[1],
                        parser.currentLocation().getLineNr(),
                        parser.currentLocation().getColumnNr());
        attach(
                frame.isMap
                        ? new MapNode(
                                frame.hasDuplicates
                                        ? MapNode.lastWins(frame.entries)
                                        : frame.entries,
                                span,
                                frame.path)
                        : new ListNode(frame.items, span, frame.path));
    }

    private void key(JsonParser parser) throws IOException, InputProblem {
        Frame top = stack.peek();
        String name = parser.currentName();
        Span span = keySpan(start(parser));
        Span first = top.keys.putIfAbsent(name, span);
        if (first != null) {
            // CloudFormation takes the last of duplicate keys: so does the tree (see close).
            top.hasDuplicates = true;
            if (duplicate == null) {
                duplicate =
                        InputProblem.malformed(
                                "duplicate key '"
                                        + ProblemText.safe(name)
                                        + "' (first defined on line "
                                        + first.startLine()
                                        + ")",
                                span);
            }
        }
        top.pendingKey =
                new ScalarNode(
                        name,
                        ScalarNode.Kind.STRING,
                        ScalarNode.Style.JSON_STRING,
                        span,
                        Node.childPath(top.path, name));
    }

    /**
     * The span of a field name from its opening to its closing quote (Jackson's location reads
     * ahead).
     */
    private Span keySpan(int[] start) {
        String text = source.text();
        int from = source.offset(start[0], start[1]);
        int to = from + 1;
        while (to < text.length() && text.charAt(to) != '"') {
            to += text.charAt(to) == '\\' ? 2 : 1;
        }
        return source.span(from, Math.min(text.length(), to + 1));
    }

    private void scalar(JsonParser parser, JsonToken token) throws IOException, InputProblem {
        int[] s = start(parser);
        // Jackson reads a string's characters lazily: take the text first so the location is past
        // the token.
        String value = parser.getText();
        Span span =
                new Span(
                        s[0],
                        s[1],
                        parser.currentLocation().getLineNr(),
                        parser.currentLocation().getColumnNr());
        ScalarNode.Kind kind =
                switch (token) {
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ScalarNode.Kind.NUMBER;
                    case VALUE_TRUE, VALUE_FALSE -> ScalarNode.Kind.BOOLEAN;
                    case VALUE_NULL -> ScalarNode.Kind.NULL;
                    default -> ScalarNode.Kind.STRING;
                };
        String text = kind == ScalarNode.Kind.NULL ? "" : value;
        attach(new ScalarNode(text, kind, ScalarNode.Style.JSON_STRING, span, childPath()));
    }

    private void attach(Node node) {
        Frame top = stack.peek();
        if (top == null) {
            root = node;
        } else if (top.isMap) {
            top.entries.add(new MapNode.Entry(top.pendingKey, node));
            top.pendingKey = null;
        } else {
            top.items.add(node);
        }
    }

    private String childPath() {
        Frame top = stack.peek();
        if (top == null) {
            return "";
        }
        return top.isMap
                ? top.pendingKey.path()
                : Node.childPath(top.path, Integer.toString(top.items.size()));
    }

    private static int[] start(JsonParser parser) {
        JsonLocation l = parser.currentTokenLocation();
        return new int[] {l.getLineNr(), l.getColumnNr()};
    }

    private static InputProblem at(String message, JsonLocation l) {
        return InputProblem.malformed(message, l.getLineNr(), l.getColumnNr());
    }

    private static final class Frame {
        final boolean isMap;
        final int[] start;
        final String path;
        final List<MapNode.Entry> entries = new ArrayList<>();
        final List<Node> items = new ArrayList<>();
        final Map<String, Span> keys = new HashMap<>();
        ScalarNode pendingKey;
        boolean hasDuplicates;

        Frame(boolean isMap, int[] start, String path) {
            this.isMap = isMap;
            this.start = start;
            this.path = path;
        }
    }
}
