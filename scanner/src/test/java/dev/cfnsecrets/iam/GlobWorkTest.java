package dev.cfnsecrets.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.CountedText;
import org.junit.jupiter.api.Test;

/** An IAM glob with many stars is matched in work linear in the ARN. */
class GlobWorkTest {
    @Test
    void iamGlobWithManyStarsAgainstALongArnIsLinearInTheArn() {
        CountedText pattern = new CountedText("a*a*a*a*a*b");
        CountedText arn = new CountedText("a".repeat(20_000));
        assertThat(Glob.matches(pattern, arn, false)).isFalse();
        assertThat(arn.reads()).isEqualTo(20_000);
        assertThat(pattern.reads()).isLessThanOrEqualTo(2L * (pattern.length() + 1) * 20_000);
        assertThat(Glob.matches("a*a*a*a*a*b", "a".repeat(1000) + "b", false)).isTrue();
        assertThat(
                        Glob.matches(
                                "arn:aws:lambda:*:*:function:*",
                                "arn:aws:lambda:us-east-1:1:function:f",
                                false))
                .isTrue();
    }
}
