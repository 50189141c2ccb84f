package dev.cfnsecrets.envsize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnknownSizesTest {
    @Test
    void aSecretsManagerReferenceWithoutAJsonKeyIsTheWholeSecret() {
        assertThat(UnknownSizes.isWholeSecret("MySecret")).isTrue();
        assertThat(UnknownSizes.isWholeSecret("MySecret::::")).isTrue();
        assertThat(UnknownSizes.isWholeSecret("MySecret:SecretString")).isTrue();
        assertThat(UnknownSizes.isWholeSecret("MySecret:SecretString::AWSPREVIOUS:")).isTrue();
        assertThat(
                        UnknownSizes.isWholeSecret(
                                "arn:aws:secretsmanager:us-west-2:123456789012:secret:MySecret-a1b2c3"))
                .isTrue();
    }

    @Test
    void aJsonKeySelectsOneField() {
        assertThat(UnknownSizes.isWholeSecret("MySecret:SecretString:password")).isFalse();
        assertThat(UnknownSizes.isWholeSecret("MySecret::password::")).isFalse();
        assertThat(
                        UnknownSizes.isWholeSecret(
                                "arn:aws:secretsmanager:us-west-2:123456789012:secret:MySecret-a1b2c3:SecretString:password"))
                .isFalse();
    }
}
