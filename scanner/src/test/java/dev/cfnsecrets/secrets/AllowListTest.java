package dev.cfnsecrets.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllowListTest {
    private final AllowList allow =
            new AllowList(
                    Set.of("test-password-not-real"),
                    List.of(Pattern.compile("^local-[a-z-]+$"), Pattern.compile("(?i)sandbox")));

    @Test
    void valuesAreComparedExactly() {
        assertThat(allow.allows("test-password-not-real")).isTrue();
        assertThat(allow.allows("TEST-PASSWORD-NOT-REAL")).isFalse();
        assertThat(allow.allows("test-password-not-real ")).isFalse();
    }

    @Test
    void patternsAreSearchedInTheSecretAndAnchorsRequireAllOfIt() {
        assertThat(allow.allows("local-pg-pass")).isTrue();
        assertThat(allow.allows("local-pg-pass-2024!")).isFalse();
        assertThat(allow.allows("9fQ2x-SandBox-Lk0vR7")).isTrue();
    }

    @Test
    void theEmptyListAllowsNothing() {
        assertThat(AllowList.NONE.isEmpty()).isTrue();
        assertThat(AllowList.NONE.allows("")).isFalse();
        assertThat(allow.isEmpty()).isFalse();
    }
}
