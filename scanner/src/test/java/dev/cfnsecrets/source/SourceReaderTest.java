package dev.cfnsecrets.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceReaderTest {
    private final SourceReader reader = new SourceReader(new Limits(1000, 100, 200));

    @Test
    void invalidUtf8IsLocatedByLineAndColumn() {
        byte[] bytes = "a: 1\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bytes), "x.yaml"))
                .hasMessageContaining("invalid UTF-8 (byte 0xE9 at offset 11)")
                .satisfies(e -> assertThat(((InputProblem) e).span()).isEqualTo(Span.point(2, 7)));
    }

    @Test
    void nulBytesMeanBinaryContent() {
        byte[] bytes = {'a', ':', '\n', 0, 1, 2};
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bytes), "x.yaml"))
                .hasMessageContaining("binary content")
                .satisfies(e -> assertThat(((InputProblem) e).span().startLine()).isEqualTo(2));
    }

    @Test
    void filesOverTheLimitAreNotRead(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.write(big, new byte[1001]);
        assertThatThrownBy(() -> reader.read(big, "big.yaml"))
                .hasMessageContaining("1001 bytes, over the limit of 1000");
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(new byte[1001]), "-"))
                .hasMessageContaining("larger than the limit");
    }

    @Test
    void aUtf8ByteOrderMarkIsDropped() throws Exception {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ':', ' ', '1'};
        assertThat(reader.read(new ByteArrayInputStream(bytes), "x").text()).isEqualTo("a: 1");
    }

    @Test
    void asciiAndUtf8TextReadAlikeAndKnowWhetherTheyHaveSupplementaryCharacters() throws Exception {
        SourceFile ascii = reader.read(new ByteArrayInputStream(bytes("a: 1\nb: two\n")), "x");
        assertThat(ascii.text()).isEqualTo("a: 1\nb: two\n");
        assertThat(ascii.lineCount()).isEqualTo(3);
        assertThat(ascii.hasSupplementaryCharacters()).isFalse();
        SourceFile accented = reader.read(new ByteArrayInputStream(bytes("a: caf\u00e9\n")), "x");
        assertThat(accented.text()).isEqualTo("a: caf\u00e9\n");
        assertThat(accented.hasSupplementaryCharacters()).isFalse();
        SourceFile emoji = reader.read(new ByteArrayInputStream(bytes("a: \uD83D\uDE00\n")), "x");
        assertThat(emoji.hasSupplementaryCharacters()).isTrue();
        // A lone surrogate (possible only in text handed over as a string) is one unit, not two.
        assertThat(new SourceFile("x", "a: \uD83D!").hasSupplementaryCharacters()).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void lineIndexMapsOffsetsBothWays() {
        SourceFile source = new SourceFile("x", "ab\r\ncd\nef");
        assertThat(source.line(1)).isEqualTo("ab");
        assertThat(source.line(3)).isEqualTo("ef");
        assertThat(source.line(4)).isEmpty();
        assertThat(source.offset(2, 2)).isEqualTo(5);
        assertThat(source.span(4, 6)).isEqualTo(new Span(2, 1, 2, 3));
        assertThat(source.text(new Span(2, 1, 3, 2))).isEqualTo("cd\ne");
    }
}
