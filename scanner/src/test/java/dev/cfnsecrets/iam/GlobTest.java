package dev.cfnsecrets.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobTest {
    private static final char F = Glob.ANY_FIELD;

    @Test
    void starAndQuestionMarkMatchActions() {
        assertThat(Glob.matches("lambda:Get*", "lambda:GetFunctionConfiguration", true)).isTrue();
        assertThat(
                        Glob.matches(
                                "lambda:GetFunction?onfiguration",
                                "lambda:GetFunctionConfiguration",
                                true))
                .isTrue();
        assertThat(Glob.matches("lambda:GetFunction?", "lambda:GetFunction", true)).isFalse();
        assertThat(Glob.matches("lambda:*Function", "lambda:ListVersionsByFunction", true))
                .isTrue();
        assertThat(Glob.matches("lambda:*Function", "lambda:GetFunctionConfiguration", true))
                .isFalse();
        assertThat(Glob.matches("*", "kms:Decrypt", true)).isTrue();
    }

    @Test
    void actionsMatchWhateverTheCase() {
        assertThat(
                        Glob.matches(
                                "LAMBDA:getfunctionconfiguration",
                                "lambda:GetFunctionConfiguration",
                                true))
                .isTrue();
        assertThat(Glob.matches("Kms:DE*", "kms:Decrypt", true)).isTrue();
        assertThat(
                        Glob.matches(
                                "arn:aws:lambda:*:*:function:Orders",
                                "arn:aws:lambda:x:1:function:orders",
                                false))
                .as("ARNs are case-sensitive")
                .isFalse();
    }

    @Test
    void literalTextIsNotReadAsAPattern() {
        assertThat(Glob.matches("*", "*", false)).isTrue();
        assertThat(Glob.matches("arn:aws:lambda:*:*:function:*", "*", false)).isFalse();
    }

    @Test
    void overlapOfTwoPatterns() {
        assertThat(
                        Glob.overlaps(
                                "arn:aws:lambda:*:*:function:orders-*",
                                "arn:aws:lambda:us-east-1:1:function:*-api",
                                false))
                .isTrue();
        assertThat(
                        Glob.overlaps(
                                "arn:aws:lambda:us-east-1:1:function:orders-*",
                                "arn:aws:lambda:us-east-1:1:function:bill*",
                                false))
                .isFalse();
        // IAM's * also matches colons, so wildcards in two ARN fields can line up in odd ways.
        assertThat(
                        Glob.overlaps(
                                "arn:aws:lambda:*:*:function:orders-*",
                                "arn:aws:lambda:*:*:function:billing-*",
                                false))
                .isTrue();
    }

    @Test
    void aPseudoParameterIsOneArnField() {
        String pattern = "arn:" + F + ":lambda:" + F + ":" + F + ":function:*";
        assertThat(
                        Glob.overlaps(
                                pattern, "arn:aws:lambda:us-east-1:111122223333:function:x", false))
                .isTrue();
        assertThat(
                        Glob.overlaps(
                                "arn:aws:lambda:" + F,
                                "arn:aws:lambda:us-east-1:111122223333:function:x",
                                false))
                .as("a field never spans a colon")
                .isFalse();
    }

    @Test
    void anOpaqueValueEqualsOnlyAWildcard() {
        String opaque = String.valueOf(Glob.OPAQUE);
        assertThat(Glob.overlaps(opaque, "*", false)).isTrue();
        assertThat(Glob.overlaps(opaque, "arn:aws:lambda:x:1:function:f", false)).isFalse();
    }
}
