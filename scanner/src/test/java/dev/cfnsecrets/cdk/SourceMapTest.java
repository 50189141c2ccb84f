package dev.cfnsecrets.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.cdk.SourceMap.Original;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceMapTest {

    private static Optional<SourceMap> map(String json) {
        return SourceMap.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String version3(String mappings) {
        return "{\"version\":3,\"sourceRoot\":\"src/\",\"sources\":[\"a.ts\",\"b.ts\"],"
                + "\"mappings\":\""
                + mappings
                + "\"}";
    }

    @Test
    void theSegmentThatStartsLastAtOrBeforeTheColumn() {
        // Line 0: nothing. Line 1: column 0 -> a.ts 0:0; column 4 -> a.ts 2:2; column 14 (the
        // next source) -> b.ts 3:1. In base64 VLQ, "A" is 0, "C" 1, "E" 2, "I" 4, "U" 10, "D" -1.
        SourceMap map = map(version3(";AAAA,IAEE,UCCD")).orElseThrow();
        assertThat(map.original(1, 0)).contains(new Original("src/a.ts", 0, 0));
        assertThat(map.original(1, 3)).contains(new Original("src/a.ts", 0, 0));
        assertThat(map.original(1, 4)).contains(new Original("src/a.ts", 2, 2));
        assertThat(map.original(1, 99)).contains(new Original("src/b.ts", 3, 1));
        assertThat(map.original(0, 0)).isEmpty();
        assertThat(map.original(7, 0)).isEmpty();
    }

    @Test
    void aColumnBeforeTheFirstSegmentTakesTheLinesFirst() {
        SourceMap map = map(version3("IAAA,IAAI")).orElseThrow();
        assertThat(map.original(0, 0)).contains(new Original("src/a.ts", 0, 0));
    }

    @Test
    void segmentsWithoutASourceAreSkipped() {
        SourceMap map = map(version3("A,EAAE")).orElseThrow();
        assertThat(map.original(0, 0)).contains(new Original("src/a.ts", 0, 2));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"version\":2,\"sources\":[],\"mappings\":\"\"}",
                "{\"version\":3,\"sections\":[]}",
                "not json",
                "[]"
            })
    void whatIsNotAVersion3MapMapsNothing(String json) {
        assertThat(map(json)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AA", // two numbers
                "A!AA", // not base64
                "AAAAAA", // six numbers
                "AAAg", // a number left unfinished
                "Aggggggggg", // a number over 32 bits
                "AIAA", // the source index 4 of two sources
                "AADA", // a negative line
            })
    void aMalformedOrOutOfRangeSegmentMapsNothing(String mappings) {
        assertThat(map(version3(mappings)).orElseThrow().original(0, 0)).isEmpty();
    }
}
