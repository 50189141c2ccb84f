package dev.cfnsecrets.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class SafeLogTest {
    /** What reached Maven's log, as level and text. */
    private final List<String> logged = new ArrayList<>();

    private final Log maven =
            new SystemStreamLog() {
                @Override
                public void error(CharSequence content) {
                    logged.add("error " + content);
                }

                @Override
                public void warn(CharSequence content) {
                    logged.add("warn " + content);
                }
            };

    @Test
    void everyLineOfAMessageIsNeutralisedAndControlsAreEscaped() {
        new SafeLog(maven)
                .warn(
                        "cfn-secrets: configuration: exclude 'x\n::error title=x::pwned ##[warning]y \u001b[2J\u202e'");

        assertThat(logged)
                .containsExactly(
                        "warn cfn-secrets: configuration: exclude 'x\n:\\:error title=x::pwned"
                                + " ##\\[warning]y \\u001b[2J\\u202e'");
    }

    @Test
    void anExceptionIsLoggedAsItsEscapedTraceNotRaw() {
        new SafeLog(maven).error("failed", new IllegalStateException("bad\n::add-mask::tok"));

        assertThat(logged).hasSize(1);
        assertThat(logged.get(0))
                .startsWith(
                        "error failed\njava.lang.IllegalStateException: bad\n:\\:add-mask::tok\n\tat ")
                .doesNotContain("\n::");
    }

    @Test
    void theMojosLogIsTheSafeOne() {
        assertThat(new CheckMojo().getLog()).isInstanceOf(SafeLog.class);
    }
}
