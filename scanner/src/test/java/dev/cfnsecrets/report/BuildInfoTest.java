package dev.cfnsecrets.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Reading what the build wrote into cfn-secrets/version.properties. */
class BuildInfoTest {

    @Test
    void readsVersionCommitAndTheDayOfAnIsoTimestamp() {
        BuildInfo info = BuildInfo.of(properties("0.1.0", "7415a5e", "2026-12-05T19:06:57Z"));

        assertThat(info).isEqualTo(new BuildInfo("0.1.0", "7415a5e", "2026-12-05"));
    }

    @Test
    void takesTheDayInUtcOfATimestampInSecondsSince1970() {
        // 2026-12-05T23:59:59Z, and one second later
        assertThat(BuildInfo.of(properties("1.0.0", "abcdef0", "1796515199")).buildDate())
                .isEqualTo("2026-12-05");
        assertThat(BuildInfo.of(properties("1.0.0", "abcdef0", "1796515200")).buildDate())
                .isEqualTo("2026-12-06");
    }

    @Test
    void commitAndDateTheBuildCouldNotFillInAreUnknown() {
        BuildInfo info =
                BuildInfo.of(
                        properties("0.1.0", "${cfn-secrets.commit}", "${maven.build.timestamp}"));

        assertThat(info.commit()).isEqualTo("unknown");
        assertThat(info.buildDate()).isEqualTo("unknown");
        assertThat(BuildInfo.of(properties("0.1.0", "", "12-05-2026")).buildDate())
                .isEqualTo("unknown");
    }

    @Test
    void aVersionLeftUnfilledIsABrokenBuild() {
        assertThatThrownBy(() -> BuildInfo.of(properties("${project.version}", "x", "y")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("version");
    }

    @Test
    void theJarsOwnBuildHasAVersionAndADay() {
        BuildInfo bundled = BuildInfo.bundled();

        assertThat(bundled.version()).isEqualTo(ToolInfo.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(bundled.buildDate()).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    private static Properties properties(String version, String commit, String built) {
        Properties properties = new Properties();
        properties.setProperty("version", version);
        properties.setProperty("commit", commit);
        properties.setProperty("built", built);
        return properties;
    }
}
