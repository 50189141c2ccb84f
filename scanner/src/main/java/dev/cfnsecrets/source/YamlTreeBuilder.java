package dev.cfnsecrets.source;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Builds the {@link Node} tree from snakeyaml-engine's event stream. Working on events instead of
 * snakeyaml's composed nodes lets us stop at the nesting limit before recursing, count aliases and
 * their expansion (alias bombs), reject duplicate keys and unknown tags, and map CloudFormation
 * short tags to their long form — all in one iterative pass.
 */
public final class YamlTreeBuilder implements TreeParser.Reading {
    private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";
    private static final Set<String> STANDARD_TAGS =
            Set.of("str", "int", "float", "bool", "null", "map", "seq");
    // The YAML 1.2 core schema's plain null and boolean words (a set lookup, not a pattern, as it
    // runs on every plain scalar).
    private static final Set<String> NULL = Set.of("~", "null", "Null", "NULL", "");
    private static final Set<String> BOOL =
            Set.of("true", "True", "TRUE", "false", "False", "FALSE");
    private static final Pattern NUMBER =
            Pattern.compile(
                    "[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|\\.inf|\\.Inf|\\.INF)|\\.nan|\\.NaN|\\.NAN");

    private final SourceFile source;
    private final Limits limits;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, Node> anchors = new HashMap<>();
    private final Map<Node, Long> expandedSize = new IdentityHashMap<>();
    private int aliasCount;
    private long totalExpanded;
    private Node root;

    /** The first duplicate key, if any. */
    private InputProblem duplicate;

    private YamlTreeBuilder(SourceFile source, Limits limits) {
        this.source = source;
        this.limits = limits;
    }

    /**
     * The document's root node (empty for a file without content) as CloudFormation reads it: of
     * duplicate keys, the last one.
     */
    public static TreeParser.Parsed read(SourceFile source, Limits limits) throws InputProblem {
        return TreeParser.read(new YamlTreeBuilder(source, limits));
    }

    @Override
    public Optional<InputProblem> duplicateKey() {
        return Optional.ofNullable(duplicate);
    }

    /**
     * The reader copies its whole look-ahead window each time it refills the buffer, and a plain
     * scalar keeps the window open to its end: with the default 1 KB buffer a 1 MB value costs a
     * thousand copies of up to 1 MB (seconds; minutes at the 10 MB file limit). Reading up to 1 MB
     * at once keeps that to a few copies, and small files do not pay for a large buffer.
     */
    static int readBufferSize(String text) {
        return Math.max(1024, Math.min(text.length() + 1, 1 << 20));
    }

    @Override
    public Optional<Node> run() throws InputProblem {
        LoadSettings settings =
                LoadSettings.builder()
                        .setLabel(source.path())
                        .setUseMarks(true)
                        .setCodePointLimit(
                                (int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes() + 1))
                        .setBufferSize(readBufferSize(source.text()))
                        .build();
        Iterator<Event> events = new Parse(settings).parseString(source.text()).iterator();
        int documents = 0;
        try {
            Event event;
            while ((event = next(events)) != null) {
                switch (event.getEventId()) {
                    case DocumentStart -> {
                        if (++documents > 1 && root != null) {
                            throw problem(
                                    "a template file holds one YAML document; found a second '---' document",
                                    event.getStartMark());
                        }
                    }
                    case MappingStart, SequenceStart -> open((CollectionStartEvent) event);
                    case MappingEnd, SequenceEnd -> close(event);
                    case Scalar -> scalar((ScalarEvent) event);
                    case Alias -> alias((AliasEvent) event);
                    default -> {}
                }
            }
        } catch (MarkedYamlEngineException e) {
            // An unclosed construct is detected at the end of the input; its start is the useful
            // place.
            boolean atEnd =
                    e.getProblemMark()
                            .map(m -> m.getIndex() >= source.text().length())
                            .orElse(true);
            Mark mark =
                    (atEnd
                                    ? e.getContextMark().or(e::getProblemMark)
                                    : e.getProblemMark().or(e::getContextMark))
                            .orElse(null);
            String what =
                    e.getContext() == null
                            ? e.getProblem()
                            : e.getContext() + ", " + e.getProblem();
            throw problem("malformed YAML: " + ProblemText.safe(what), Optional.ofNullable(mark));
        } catch (YamlEngineException e) {
            throw InputProblem.malformed(
                    "malformed YAML: " + ProblemText.safe(e.getMessage()), 1, 1);
        }
        return Optional.ofNullable(root);
    }

    /**
     * The next parser event, or null at the end. snakeyaml-engine lets a few malformed inputs
     * escape as plain runtime exceptions (a unicode escape cut off at the end of the file throws
     * NumberFormatException); they are malformed input, not our failure, so they become a problem
     * at the end of the file.
     */
    private Event next(Iterator<Event> events) throws InputProblem {
        try {
            return events.hasNext() ? events.next() : null;
        } catch (YamlEngineException e) {
            throw e;
        } catch (RuntimeException e) {
            throw InputProblem.malformed(
                    "malformed YAML: the parser stopped with "
                            + e.getClass().getSimpleName()
                            + " (an incomplete escape or construct near the end of the file?)",
                    source.lineCount(),
                    1);
        }
    }

    private void open(CollectionStartEvent event) throws InputProblem {
        if (stack.size() >= limits.maxDepth()) {
            throw limitProblem(
                    "nesting is deeper than the limit of " + limits.maxDepth() + " levels",
                    event.getStartMark());
        }
        String tag = checkedTag(event.getTag(), event.getStartMark());
        String path = childPathFor(event);
        boolean isMap = event.getEventId() == Event.ID.MappingStart;
        stack.push(
                new Frame(
                        isMap,
                        tag,
                        event.getStartMark().orElse(null),
                        innerPath(path, tag),
                        path,
                        event.getAnchor().map(a -> a.getValue()).orElse(null)));
    }

    private void close(Event event) throws InputProblem {
        Frame frame = stack.pop();
        Span span = span(Optional.ofNullable(frame.start), event.getEndMark());
        Node node =
                frame.isMap
                        ? new MapNode(withMerged(frame), span, frame.innerPath)
                        : new ListNode(frame.items, span, frame.innerPath);
        finish(
                node,
                frame.size + 1,
                frame.tag,
                frame.outerPath,
                frame.anchor,
                span,
                Optional.ofNullable(frame.start));
    }

    private void scalar(ScalarEvent event) throws InputProblem {
        String tag = checkedTag(event.getTag(), event.getStartMark());
        String path = childPathFor(event);
        Span span = span(event.getStartMark(), event.getEndMark());
        Node node;
        if ("Fn::GetAtt".equals(tag)) {
            node = getAttList(event, span, innerPath(path, tag));
        } else {
            node =
                    new ScalarNode(
                            event.getValue(),
                            kind(event, tag),
                            style(event.getScalarStyle()),
                            valueSpan(span, event),
                            innerPath(path, tag));
        }
        finish(
                node,
                1,
                tag,
                path,
                event.getAnchor().map(a -> a.getValue()).orElse(null),
                span,
                event.getStartMark());
    }

    private void alias(AliasEvent event) throws InputProblem {
        String name = event.getAlias().getValue();
        if (++aliasCount > limits.maxAliases()) {
            throw limitProblem(
                    "more than " + limits.maxAliases() + " YAML aliases (possible alias bomb)",
                    event.getStartMark());
        }
        Node target = anchors.get(name);
        if (target == null) {
            throw problem("alias *" + name + " refers to no anchor", event.getStartMark());
        }
        attach(target, expandedSize.getOrDefault(target, 1L), event.getStartMark());
    }

    private void finish(
            Node node,
            long size,
            String tag,
            String outerPath,
            String anchor,
            Span span,
            Optional<Mark> start)
            throws InputProblem {
        Node result = node;
        if (tag != null && !tag.startsWith(YAML_TAG_PREFIX)) {
            // A short-form intrinsic becomes the equivalent long-form one-entry map; its key spans
            // the tag.
            Span tagSpan = tagSpan(span, tag);
            ScalarNode key =
                    new ScalarNode(
                            tag,
                            ScalarNode.Kind.STRING,
                            ScalarNode.Style.PLAIN,
                            tagSpan,
                            outerPath);
            result = new MapNode(List.of(new MapNode.Entry(key, node)), span, outerPath);
            size++;
        }
        if (anchor != null) {
            anchors.put(anchor, result);
            expandedSize.put(result, size);
        }
        attach(result, size, start);
    }

    private void attach(Node node, long size, Optional<Mark> mark) throws InputProblem {
        totalExpanded += size;
        if (totalExpanded > limits.maxExpandedNodes()) {
            throw limitProblem(
                    "aliases expand the document beyond "
                            + limits.maxExpandedNodes()
                            + " nodes (alias bomb)",
                    mark);
        }
        Frame top = stack.peek();
        if (top == null) {
            root = node;
            return;
        }
        top.size += size;
        if (!top.isMap) {
            top.items.add(node);
        } else if (top.pendingKey == null) {
            if (!(node instanceof ScalarNode key)) {
                throw problem("a mapping key must be a plain value, not a list or map", mark);
            }
            Span first = top.keys.putIfAbsent(key.value(), key.span());
            if (first != null) {
                duplicateKey(top, key.value(), first, mark);
            }
            top.pendingKey = key;
        } else if (isMergeKey(top.pendingKey)) {
            addMergeSources(top, node, mark);
            top.pendingKey = null;
        } else {
            top.entries.add(new MapNode.Entry(top.pendingKey, node));
            top.pendingKey = null;
        }
    }

    /**
     * CloudFormation takes the last of duplicate keys: the tree keeps it (see {@link
     * MapNode#lastWins}), and the first duplicate is remembered for CFS001.
     */
    private void duplicateKey(Frame top, String name, Span first, Optional<Mark> mark) {
        top.hasDuplicates = true;
        if (duplicate == null) {
            duplicate =
                    problem(
                            "duplicate key '"
                                    + ProblemText.safe(name)
                                    + "' (first defined on line "
                                    + first.startLine()
                                    + ")",
                            mark);
        }
    }

    /**
     * A plain {@code <<} key is YAML 1.1's merge key, which PyYAML (and so SAM CLI and {@code aws
     * cloudformation package}) resolves: the entries of the merged map, or of each map of a list,
     * join the mapping. Its value is already counted as an alias use and expansion, so the
     * alias-bomb limits hold.
     */
    private static boolean isMergeKey(ScalarNode key) {
        return key.style() == ScalarNode.Style.PLAIN && "<<".equals(key.value());
    }

    private void addMergeSources(Frame frame, Node value, Optional<Mark> mark) throws InputProblem {
        List<Node> sources = value instanceof ListNode list ? list.items() : List.of(value);
        for (Node source : sources) {
            if (!(source instanceof MapNode map)) {
                throw problem(
                        "the merge key '<<' takes a map or a list of maps, not "
                                + (source instanceof ListNode ? "a list" : "a plain value"),
                        mark);
            }
            frame.mergeSources.add(map);
        }
    }

    /**
     * The explicit entries, then the merged ones whose key is not already there: explicit keys win
     * and, in a list, earlier maps win. Merged entries keep their nodes, so a finding points at the
     * line under the anchor where the value is written.
     */
    private static List<MapNode.Entry> withMerged(Frame frame) {
        List<MapNode.Entry> explicit =
                frame.hasDuplicates ? MapNode.lastWins(frame.entries) : frame.entries;
        if (frame.mergeSources.isEmpty()) {
            return explicit;
        }
        List<MapNode.Entry> entries = new ArrayList<>(explicit);
        Set<String> present = new HashSet<>(frame.keys.keySet());
        for (MapNode source : frame.mergeSources) {
            for (MapNode.Entry entry : source.entries()) {
                if (present.add(entry.name())) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    /** The document path of the node that starts now, from the collection it goes into. */
    private String childPathFor(NodeEvent event) {
        Frame top = stack.peek();
        if (top == null) {
            return "";
        }
        if (!top.isMap) {
            return Node.childPath(top.innerPath, Integer.toString(top.items.size()));
        }
        if (top.pendingKey == null) {
            String key = event instanceof ScalarEvent s ? s.getValue() : "?";
            return Node.childPath(top.innerPath, key);
        }
        return Node.childPath(top.innerPath, top.pendingKey.value());
    }

    private static String innerPath(String path, String tag) {
        return tag == null || tag.startsWith(YAML_TAG_PREFIX) ? path : Node.childPath(path, tag);
    }

    /** Validates a tag and returns the long-form intrinsic name, the standard tag, or null. */
    private String checkedTag(Optional<String> tag, Optional<Mark> mark) throws InputProblem {
        if (tag.isEmpty() || "!".equals(tag.get())) {
            return null;
        }
        String t = tag.get();
        if (t.startsWith(YAML_TAG_PREFIX)
                && STANDARD_TAGS.contains(t.substring(YAML_TAG_PREFIX.length()))) {
            return t;
        }
        Optional<String> known =
                Intrinsics.longForm(t).or(() -> Intrinsics.preprocessorDirective(t));
        if (known.isPresent()) {
            return known.get();
        }
        // The tag is not quoted: `DB_PASSWORD: !s3cr3t` makes the value itself a tag.
        throw problem(
                "unknown tag (CloudFormation knows !Ref, !Sub, !GetAtt, !Join, !If, "
                        + "!FindInMap, !Select, !Split, !Base64 and the other intrinsic functions)",
                mark);
    }

    /** {@code !GetAtt Res.Attr} is the list {@code [Res, Attr]}; the split is at the first dot. */
    private ListNode getAttList(ScalarEvent event, Span span, String path) {
        String value = event.getValue();
        int dot = value.indexOf('.');
        Span valueSpan = valueSpan(span, event);
        if (dot < 0) {
            return new ListNode(
                    List.of(
                            new ScalarNode(
                                    value,
                                    ScalarNode.Kind.STRING,
                                    style(event.getScalarStyle()),
                                    valueSpan,
                                    path + "/0")),
                    span,
                    path);
        }
        boolean sameLine =
                valueSpan.startLine() == valueSpan.endLine()
                        && valueSpan.endColumn() - valueSpan.startColumn() == value.length();
        Span first =
                sameLine
                        ? new Span(
                                valueSpan.startLine(),
                                valueSpan.startColumn(),
                                valueSpan.startLine(),
                                valueSpan.startColumn() + dot)
                        : valueSpan;
        Span second =
                sameLine
                        ? new Span(
                                valueSpan.startLine(),
                                valueSpan.startColumn() + dot + 1,
                                valueSpan.endLine(),
                                valueSpan.endColumn())
                        : valueSpan;
        return new ListNode(
                List.of(
                        new ScalarNode(
                                value.substring(0, dot),
                                ScalarNode.Kind.STRING,
                                ScalarNode.Style.PLAIN,
                                first,
                                path + "/0"),
                        new ScalarNode(
                                value.substring(dot + 1),
                                ScalarNode.Kind.STRING,
                                ScalarNode.Style.PLAIN,
                                second,
                                path + "/1")),
                span,
                path);
    }

    /** The span of a tagged scalar's value, after the tag and the blanks that follow it. */
    private Span valueSpan(Span span, ScalarEvent event) {
        if (event.getTag().isEmpty()) {
            return span;
        }
        String text = source.text();
        int from = source.offset(span.startLine(), span.startColumn());
        int end = source.offset(span.endLine(), span.endColumn());
        if (from < text.length() && text.charAt(from) == '!') {
            while (from < end && !Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            while (from < end && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
                from++;
            }
        }
        return source.span(from, Math.max(from, end));
    }

    private Span tagSpan(Span span, String tag) {
        String text = source.text();
        int from = source.offset(span.startLine(), span.startColumn());
        int to = from;
        if (from < text.length() && text.charAt(from) == '!') {
            while (to < text.length() && !Character.isWhitespace(text.charAt(to))) {
                to++;
            }
            return source.span(from, to);
        }
        return span;
    }

    private static ScalarNode.Kind kind(ScalarEvent event, String tag) {
        if (tag != null && tag.startsWith(YAML_TAG_PREFIX)) {
            return switch (tag.substring(YAML_TAG_PREFIX.length())) {
                case "int", "float" -> ScalarNode.Kind.NUMBER;
                case "bool" -> ScalarNode.Kind.BOOLEAN;
                case "null" -> ScalarNode.Kind.NULL;
                default -> ScalarNode.Kind.STRING;
            };
        }
        if (!event.isPlain() || tag != null) {
            return ScalarNode.Kind.STRING;
        }
        String v = event.getValue();
        if (NULL.contains(v)) {
            return ScalarNode.Kind.NULL;
        }
        if (BOOL.contains(v)) {
            return ScalarNode.Kind.BOOLEAN;
        }
        return mayBeNumber(v) && NUMBER.matcher(v).matches()
                ? ScalarNode.Kind.NUMBER
                : ScalarNode.Kind.STRING;
    }

    /** Whether {@code v} starts as every {@link #NUMBER} does: most words are not searched. */
    private static boolean mayBeNumber(String v) {
        char first = v.charAt(0);
        return first == '-' || first == '+' || first == '.' || (first >= '0' && first <= '9');
    }

    private static ScalarNode.Style style(ScalarStyle style) {
        return switch (style) {
            case PLAIN -> ScalarNode.Style.PLAIN;
            case SINGLE_QUOTED -> ScalarNode.Style.SINGLE_QUOTED;
            case DOUBLE_QUOTED, JSON_SCALAR_STYLE -> ScalarNode.Style.DOUBLE_QUOTED;
            case LITERAL, FOLDED -> ScalarNode.Style.BLOCK;
        };
    }

    private Span span(Optional<Mark> start, Optional<Mark> end) {
        int[] s = start.map(this::position).orElse(new int[] {1, 1});
        int[] e = end.map(this::position).orElse(s);
        return new Span(s[0], s[1], e[0], e[1]);
    }

    /** 1-based line and UTF-16 column of a mark (snakeyaml counts columns in code points). */
    private int[] position(Mark mark) {
        int line = mark.getLine() + 1;
        int column = mark.getColumn() + 1;
        if (!source.hasSupplementaryCharacters()) {
            return new int[] {line, column};
        }
        String text = source.line(line);
        int chars = 0;
        for (int cp = 1; cp < column && chars < text.length(); cp++) {
            chars += Character.charCount(text.codePointAt(chars));
        }
        return new int[] {line, chars + 1};
    }

    /** The text is not a valid template tree. */
    private InputProblem problem(String message, Optional<Mark> mark) {
        int[] p = mark.map(this::position).orElse(new int[] {1, 1});
        return InputProblem.malformed(message, p[0], p[1]);
    }

    /** The text breaks one of our limits. */
    private InputProblem limitProblem(String message, Optional<Mark> mark) {
        int[] p = mark.map(this::position).orElse(new int[] {1, 1});
        return new InputProblem(message, p[0], p[1]);
    }

    private static final class Frame {
        final boolean isMap;
        final String tag;
        final Mark start;
        final String innerPath;
        final String outerPath;
        final String anchor;
        final List<MapNode.Entry> entries = new ArrayList<>();
        final List<Node> items = new ArrayList<>();
        final Map<String, Span> keys = new HashMap<>();
        final List<MapNode> mergeSources = new ArrayList<>();
        ScalarNode pendingKey;
        boolean hasDuplicates;
        long size;

        Frame(
                boolean isMap,
                String tag,
                Mark start,
                String innerPath,
                String outerPath,
                String anchor) {
            this.isMap = isMap;
            this.tag = tag;
            this.start = start;
            this.innerPath = innerPath;
            this.outerPath = outerPath;
            this.anchor = anchor;
        }
    }
}
