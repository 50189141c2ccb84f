package dev.cfnsecrets.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnchorsTest {
    private static final List<String> WORDS = List.of("sk-ant-", "sk", "://", "eyJ", "-us", ";");
    private static final Anchors ANCHORS = new Anchors(WORDS);

    /** The words {@code text} holds, read back from the bits. */
    private static List<String> found(String text) {
        long bits = ANCHORS.foundIn(text);
        return WORDS.stream().filter(w -> (bits & ANCHORS.bitsOf(List.of(w))) != 0).toList();
    }

    @Test
    void findsEveryWordTheTextHoldsWhereverItIs() {
        assertThat(found("sk-ant-x")).containsExactly("sk-ant-", "sk");
        assertThat(found("a task")).containsExactly("sk");
        assertThat(found("http://x;")).containsExactly("://", ";");
        assertThat(found("x.eyJ")).containsExactly("eyJ");
        assertThat(found("abc-us14 and eyJ, https://h;sk-ant-")).containsExactlyElementsOf(WORDS);
    }

    @Test
    void findsNothingOfAWordCutShortOrSpreadOut() {
        assertThat(found("")).isEmpty();
        assertThat(found("s k-ant")).isEmpty();
        assertThat(found("ey")).isEmpty();
        assertThat(found(":/ /")).isEmpty();
        assertThat(found("EYJ -US")).as("case counts").isEmpty();
    }

    @Test
    void readsTextBeyondAscii() {
        assertThat(found("é eyJ ü")).containsExactly("eyJ");
        assertThat(found("日本語;")).containsExactly(";");
        assertThat(found("日本語")).isEmpty();
    }

    @Test
    void agreesWithContainsOnEveryPieceOfAText() {
        String text = "postgres://u:sk@h/db;eyJ-us sk-ant-api eyJ日;//:";
        for (int from = 0; from <= text.length(); from++) {
            for (int to = from; to <= text.length(); to++) {
                String piece = text.substring(from, to);
                assertThat(found(piece))
                        .as(piece)
                        .containsExactlyElementsOf(WORDS.stream().filter(piece::contains).toList());
            }
        }
    }

    @Test
    void refusesWhatItCannotAnswer() {
        assertThatThrownBy(() -> new Anchors(List.of("ok", "")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Anchors(List.of("é")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Anchors(java.util.Collections.nCopies(65, "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ANCHORS.bitsOf(List.of("nope")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
