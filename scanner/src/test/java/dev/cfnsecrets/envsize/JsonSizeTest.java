package dev.cfnsecrets.envsize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonSize} against Jackson's compact serialisation of the same maps. Jackson's defaults
 * write a character outside the BMP (an emoji) as two <code>&#92;uXXXX</code> escapes, 12 bytes; we
 * count its UTF-8 bytes, 4, as for every other non-ASCII character, so the reference mapper turns
 * on {@code COMBINE_UNICODE_SURROGATES_IN_UTF8} and one test pins the difference.
 */
class JsonSizeTest {
    private static final ObjectMapper JACKSON =
            JsonMapper.builder()
                    .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                    .build();

    /** Characters JSON escapes, control characters, DEL, and 2-, 3- and 4-byte UTF-8. */
    private static final String[] PIECES = {
        "a", "Z", "0", "_", " ", "/", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\u0000", "\u0001",
                "\u001f",
        "\u007f", "é", "ß", "€", "中", "\u2028", "\uffff", "😀", "𝄞", "{", "}", ":", ",", "'", "<",
                "&",
    };

    static long jackson(Map<String, String> map) throws JsonProcessingException {
        return JACKSON.writeValueAsBytes(map).length;
    }

    @Test
    void randomMapsMeasureAsJacksonWritesThem() throws JsonProcessingException {
        Random random = new Random(20240604L);
        for (int round = 0; round < 2_000; round++) {
            Map<String, String> map = new LinkedHashMap<>();
            int size = random.nextInt(12);
            for (int i = 0; i < size; i++) {
                map.put(
                        randomText(random, 1 + random.nextInt(20)),
                        randomText(random, random.nextInt(200)));
            }
            assertThat(JsonSize.objectBytes(map))
                    .as("random map %d (seed 20240604)", round)
                    .isEqualTo(jackson(map));
        }
    }

    static String randomText(Random random, int pieces) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            b.append(
                    random.nextInt(3) == 0
                            ? PIECES[random.nextInt(PIECES.length)]
                            : String.valueOf((char) ('A' + random.nextInt(26))));
        }
        return b.toString();
    }

    @Test
    void everyCharBelowTheSurrogatesMeasuresAsJacksonWritesIt() throws JsonProcessingException {
        for (char c = 0; c < Character.MIN_SURROGATE; c++) {
            Map<String, String> map = Map.of("K", String.valueOf(c));
            assertThat(JsonSize.objectBytes(map)).as("U+%04X", (int) c).isEqualTo(jackson(map));
        }
    }

    @Test
    void jacksonDefaultsEscapeCharactersOutsideTheBmpInstead() throws JsonProcessingException {
        Map<String, String> emoji = Map.of("K", "😀😀");
        assertThat(new ObjectMapper().writeValueAsBytes(emoji))
                .hasSize((int) JsonSize.objectBytes(emoji) + 2 * 8);
        assertThat(new String(new ObjectMapper().writeValueAsBytes(emoji), StandardCharsets.UTF_8))
                .isEqualTo("{\"K\":\"\\uD83D\\uDE00\\uD83D\\uDE00\"}");
    }

    @Test
    void countsEscapesAndMultiByteCharacters() {
        assertThat(JsonSize.escapedBytes("plain")).isEqualTo(5);
        assertThat(JsonSize.escapedBytes("a\"b\\c")).isEqualTo(7);
        assertThat(JsonSize.escapedBytes("\n\t")).isEqualTo(4);
        assertThat(JsonSize.escapedBytes("\u0001")).isEqualTo(6);
        assertThat(JsonSize.escapedBytes("é€😀")).isEqualTo(2 + 3 + 4);
        assertThat(JsonSize.escapedBytes("\ud800x"))
                .as("lone surrogate counts as U+FFFD")
                .isEqualTo(3 + 1);
    }

    @Test
    void objectAddsBracesQuotesColonsAndCommas() {
        assertThat(JsonSize.objectBytes(Map.of())).isEqualTo(2);
        Map<String, String> two = new LinkedHashMap<>();
        two.put("A", "1");
        two.put("BB", "22");
        assertThat(JsonSize.objectBytes(two)).isEqualTo("{\"A\":\"1\",\"BB\":\"22\"}".length());
    }
}
