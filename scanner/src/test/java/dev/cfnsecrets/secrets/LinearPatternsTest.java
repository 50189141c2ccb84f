package dev.cfnsecrets.secrets;

import static dev.cfnsecrets.CountedText.assertLinear;

import org.junit.jupiter.api.Test;

/** The patterns run on template text are linear on hostile input, counted in character reads. */
class LinearPatternsTest {
    @Test
    void standInWordsOnALongLineEndingInABreakAreLinear() {
        assertLinear(
                n -> "dummy ".repeat(n / 6) + "\n",
                t -> LinearScan.oneLineContains(NotASecret.STAND_IN_WORD, t),
                false,
                2);
        assertLinear(
                n -> "dumm".repeat(n / 4),
                t -> LinearScan.oneLineContains(NotASecret.STAND_IN_WORD, t),
                false,
                30);
    }

    @Test
    void awsSecretNameOnALongKeyIsLinear() {
        assertLinear(
                n -> "aws_secret_".repeat(n / 11) + "\n",
                t -> LinearScan.oneLineContains(CredentialDetector.AWS_SECRET_NAME, t),
                false,
                2);
        assertLinear(
                n -> "aws_".repeat(n / 4),
                t -> LinearScan.oneLineContains(CredentialDetector.AWS_SECRET_NAME, t),
                false,
                30);
    }

    @Test
    void templateVariablesWithoutTheirCloseAreLinear() {
        assertLinear(
                n -> "<" + "a".repeat(n),
                t -> NotASecret.TEMPLATE_VARIABLE.matcher(t).find(),
                false,
                10);
        assertLinear(n -> "{{".repeat(n / 2) + "}x", NotASecret::hasTemplateVariable, false, 30);
        assertLinear(n -> "${".repeat(n / 2), NotASecret::hasTemplateVariable, false, 30);
        assertLinear(n -> "__" + "A".repeat(n), NotASecret::hasTemplateVariable, false, 30);
        assertLinear(n -> "x".repeat(n) + "{{a}}", NotASecret::hasTemplateVariable, true, 30);
    }

    @Test
    void maskedValueWithALongRunAndALineBreakIsLinear() {
        assertLinear(
                n -> "x".repeat(n) + "\n",
                t -> LinearScan.oneLineContains(NotASecret.MASK_RUN, t),
                false,
                2);
        assertLinear(
                n -> "xxxxx-".repeat(n / 6),
                t -> LinearScan.oneLineContains(NotASecret.MASK_RUN, t),
                false,
                10);
    }
}
