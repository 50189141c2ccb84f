package dev.cfnsecrets.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfnsecrets.BuiltInRules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailOnTest {
    @TempDir Path temp;

    /** One CFS001 error: a template with a duplicate key. */
    private ScanResult oneError() throws IOException {
        Path bad = Files.writeString(temp.resolve("bad.yaml"), "Resources: {}\nResources: {}\n");
        return BuiltInRules.scanner(ScanOptions.DEFAULT)
                .scan(List.of(bad.toString()), () -> new ByteArrayInputStream(new byte[0]));
    }

    @Test
    void anErrorFailsEveryLevelButNone() throws IOException {
        ScanResult result = oneError();

        assertThat(FailOn.ERROR.fails(result)).isTrue();
        assertThat(FailOn.NOTE.fails(result)).isTrue();
        assertThat(FailOn.NONE.fails(result)).isFalse();
        assertThat(FailOn.WARNING.count(result)).isEqualTo(1);
        assertThat(FailOn.NONE.count(result)).isZero();
    }

    @Test
    void levelsAreReadWhateverTheirCase() {
        assertThat(FailOn.parse(" Warning")).isEqualTo(FailOn.WARNING);
        assertThat(FailOn.parse("none")).isEqualTo(FailOn.NONE);
        assertThatThrownBy(() -> FailOn.parse("fatal"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown fail level 'fatal' (expected error, warning, note, none)");
    }
}
