package dev.cfnsecrets.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;

class SafeWriterTest {
    private static String through(boolean styles, String... pieces) throws IOException {
        StringWriter out = new StringWriter();
        SafeWriter safe = SafeWriter.of(out, styles);
        for (String piece : pieces) {
            safe.write(piece);
        }
        safe.finish();
        return out.toString();
    }

    @Test
    void linesThatWouldStartWithTwoColonsAfterBlanksAreNeutralised() throws IOException {
        assertThat(through(false, "::error::x\n \t\u00a0\u3000::warning::y\na::b\n: :c\n"))
                .isEqualTo(":\\:error::x\n \t\u00a0\u3000:\\:warning::y\na::b\n: :c\n");
    }

    @Test
    void aCommandCutAcrossWritesIsStillSeen() throws IOException {
        assertThat(through(false, ":", ":error::x\n#", "#", "[warning]y\r", "\n::z"))
                .isEqualTo(":\\:error::x\n##\\[warning]y\r\n:\\:z");
    }

    @Test
    void crLfEndsALineButALoneCrIsEscaped() throws IOException {
        assertThat(through(false, "a\r\n::b\rc\r")).isEqualTo("a\r\n:\\:b\\rc\\r");
    }

    @Test
    void surrogatePairsPassAndLoneSurrogatesAreEscaped() throws IOException {
        assertThat(through(false, "\ud83d", "\ude00 \ud83d x \ude00"))
                .isEqualTo("\ud83d\ude00 \\ud83d x \\ude00");
        // A format character outside the Basic Multilingual Plane (a TAG, invisible) is escaped
        // too.
        assertThat(through(false, "a\udb40\udc01b")).isEqualTo("a\\udb40\\udc01b");
    }

    @Test
    void onlyColoursThatCannotHideTextPassAndOnlyWhenAskedFor() throws IOException {
        String report =
                "\u001b[1m\u001b[31merror\u001b[0m \u001b[8mhidden\u001b[30;40m \u001b]8;;http://x\u0007 \u001b[1";

        assertThat(through(true, report))
                .isEqualTo(
                        "\u001b[1m\u001b[31merror\u001b[0m \\u001b[8mhidden\\u001b[30;40m"
                                + " \\u001b]8;;http://x\\u0007 \\u001b[1");
        assertThat(through(false, report)).doesNotContain("\u001b");
    }

    @Test
    void onlyCommandWritesAWorkflowCommandAndItsDataIsStillNeutralised() throws IOException {
        StringWriter out = new StringWriter();
        SafeWriter safe = SafeWriter.of(out, false);

        safe.command("::error file=a,line=1::x ##[warning]y \u202e");
        safe.write("::notice::z\n");
        safe.finish();

        assertThat(out)
                .hasToString("::error file=a,line=1::x ##\\[warning]y \\u202e\n:\\:notice::z\n");
        assertThatThrownBy(() -> safe.command("::error::a%0A\n::b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> safe.command("error::a"))
                .isInstanceOf(IllegalArgumentException.class);
        safe.write("partial ");
        assertThatThrownBy(() -> safe.command("::error::a"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSafeWriterIsNotWrappedTwiceSoCommandsSurviveTheCommandLinesWriter() throws IOException {
        StringWriter out = new StringWriter();
        SafeWriter outer = SafeWriter.of(new PrintWriter(out), false);

        SafeWriter.of(outer, false).command("::error::x");
        outer.flush();

        assertThat(SafeWriter.of(outer, true)).isSameAs(outer);
        assertThat(out).hasToString("::error::x\n");
    }

    @Test
    void writeErrorsOfAWriterThatThrowsAreThrownByFinish() {
        Writer failing =
                new Writer() {
                    @Override
                    public void write(char[] chars, int offset, int length) throws IOException {
                        throw new IOException("disk full");
                    }

                    @Override
                    public void flush() {}

                    @Override
                    public void close() {}
                };
        SafeWriter safe = SafeWriter.of(failing, false);
        safe.write("x\n");

        assertThatThrownBy(safe::finish).isInstanceOf(IOException.class).hasMessage("disk full");
    }

    @Test
    void textForOneLineAndItsCaretOffsets() {
        SafeText.Mapped mapped = SafeText.mapped("a\u001b##[b\nc");

        assertThat(mapped.text()).isEqualTo("a\\u001b##\\[b\\nc");
        assertThat(mapped.offset(1)).isEqualTo(1);
        assertThat(mapped.offset(2)).isEqualTo(7);
        assertThat(mapped.offset(4)).isEqualTo(9);
        assertThat(mapped.offset(5)).isEqualTo(11);
        assertThat(mapped.offset(8)).isEqualTo(mapped.text().length());
        assertThat(SafeText.line("  ::x\ny")).isEqualTo("  :\\:x\\ny");
        assertThat(SafeText.inline("::x")).isEqualTo("::x");
        assertThat(SafeText.lines("a\n::b")).isEqualTo("a\n:\\:b");
    }
}
