package dev.cfnsecrets.source;

import static dev.cfnsecrets.CountedText.assertLinear;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A parser problem with a long run of blanks is made printable in linear work. */
class ProblemTextWorkTest {
    @Test
    void parserProblemWithALongRunOfSpacesIsLinear() {
        assertLinear(
                n -> " ".repeat(n) + "x",
                t -> ProblemText.joinLines(t).length() == t.length(),
                true,
                3);
        assertThat(ProblemText.joinLines("a  \n\t b  c")).isEqualTo("a b  c");
    }
}
