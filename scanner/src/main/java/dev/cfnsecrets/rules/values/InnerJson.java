package dev.cfnsecrets.rules.values;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The string entries of a JSON document held in one value ({@code
 * '{"smtp":{"host":"…","pass":"…"}}'}), each with its key path ({@code smtp.pass}, {@code
 * users[0].password}) and where its text is written. Read with Jackson's streaming parser within
 * limits — nesting depth, length, number of tokens — so a hostile document costs at most a bounded,
 * linear amount of work; a text that is not JSON within them has no entries.
 */
final class InnerJson {
    /** Deeper documents are not settings a person wrote by hand. */
    static final int MAX_DEPTH = 32;

    /** A pasted document of settings has far fewer tokens. */
    static final long MAX_TOKENS = 10_000;

    private static final JsonFactory FACTORY =
            JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder()
                                    .maxNestingDepth(MAX_DEPTH)
                                    .maxStringLength(InnerDocuments.MAX_LENGTH)
                                    .maxDocumentLength(InnerDocuments.MAX_LENGTH)
                                    .maxTokenCount(MAX_TOKENS)
                                    .build())
                    // A piece the template fills in at deploy time is a control character here.
                    .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                    .build();

    private InnerJson() {}

    /** One open object or array: the path down to it, and an array's next index. */
    private static final class Level {
        final String path;
        final boolean array;
        int index;

        Level(String path, boolean array) {
            this.path = path;
            this.array = array;
        }
    }

    static List<InnerDocuments.Entry> read(String text) {
        List<InnerDocuments.Entry> entries = new ArrayList<>();
        Deque<Level> open = new ArrayDeque<>();
        String field = null;
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    field = parser.currentName();
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    open.pop();
                    continue;
                }
                String path = pathOf(open, field);
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    open.push(new Level(path, token == JsonToken.START_ARRAY));
                } else if (token == JsonToken.VALUE_STRING && field != null && !inArray(open)) {
                    int from = (int) parser.currentTokenLocation().getCharOffset() + 1;
                    entries.add(
                            new InnerDocuments.Entry(
                                    InnerDocuments.Format.JSON,
                                    path,
                                    field,
                                    parser.getText(),
                                    from,
                                    closingQuote(text, from)));
                }
                field = null;
            }
        } catch (IOException e) {
            return List.of(); // not JSON, or beyond the limits
        }
        return entries;
    }

    /** The path of the value just read: its field's, or its index in an array. */
    private static String pathOf(Deque<Level> open, String field) {
        Level parent = open.peek();
        if (parent == null) {
            return "";
        }
        if (parent.array) {
            return parent.path + "[" + parent.index++ + "]";
        }
        return parent.path.isEmpty() ? field : parent.path + "." + field;
    }

    private static boolean inArray(Deque<Level> open) {
        return open.peek() != null && open.peek().array;
    }

    /** Where a JSON string that starts at {@code from} ends: its closing quote, escapes skipped. */
    private static int closingQuote(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '"') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, text.length());
    }
}
