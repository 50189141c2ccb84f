package dev.cfnsecrets.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntropyTest {

    @Test
    void shannonOfKnownDistributions() {
        assertThat(Entropy.shannon("")).isZero();
        assertThat(Entropy.shannon("aaaa")).isZero();
        assertThat(Entropy.shannon("abab")).isCloseTo(1.0, within(1e-9));
        assertThat(Entropy.shannon("abcd")).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void generatedTokensLookRandom() {
        for (long seed = 0; seed < 200; seed++) {
            assertThat(Entropy.looksRandom(Fake.random(Fake.HEX, 32, seed)))
                    .as("hex32 seed %d", seed)
                    .isTrue();
            assertThat(Entropy.looksRandom(Fake.random(Fake.ALNUM, 16, seed)))
                    .as("alnum16 seed %d", seed)
                    .isTrue();
            assertThat(Entropy.looksRandom(Fake.random(Fake.BASE64, 40, seed)))
                    .as("base64 seed %d", seed)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cognito",
                "strict",
                "mysupersecret",
                "HEADER",
                "Bearer",
                "enabled",
                "production",
                "abc123",
                "lambda-authorizer-logging",
                "PascalCase"
            })
    void wordsAndSettingsDoNot(String value) {
        assertThat(Entropy.looksRandom(value)).as(value).isFalse();
    }

    @Test
    void upperLowerAndDigitsMixLikeAChosenSecret() {
        assertThat(Entropy.mixesCaseAndDigits("Orders2024")).isTrue();
        assertThat(Entropy.mixesCaseAndDigits("MyCompany_2024")).isTrue();
        assertThat(Entropy.mixesCaseAndDigits("orders2024")).isFalse();
        assertThat(Entropy.mixesCaseAndDigits("OrdersService")).isFalse();
        assertThat(Entropy.mixesCaseAndDigits("Ab1")).isFalse();
        assertThat(Entropy.mixesCaseAndDigits("My Company 2024")).isFalse();
    }
}
