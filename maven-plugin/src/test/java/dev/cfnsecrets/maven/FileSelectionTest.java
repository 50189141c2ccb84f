package dev.cfnsecrets.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileSelectionTest {
    private final Path basedir = Path.of("/work/project").toAbsolutePath();

    private boolean selects(FileSelection selection, String relative) {
        return selection.selects(basedir.resolve(relative));
    }

    @Test
    void antPatternsFollowMavensConventions() {
        assertThat(AntPattern.compile("**/*.yaml").matches("a.yaml")).isTrue();
        assertThat(AntPattern.compile("**/*.yaml").matches("x/y/a.yaml")).isTrue();
        assertThat(AntPattern.compile("*.yaml").matches("x/a.yaml")).isFalse();
        assertThat(AntPattern.compile("src/main/").matches("src/main/a/b.json")).isTrue();
        assertThat(AntPattern.compile("a/**/b.yml").matches("a/b.yml")).isTrue();
        assertThat(AntPattern.compile("a/**/b.yml").matches("a/x/y/b.yml")).isTrue();
        assertThat(AntPattern.compile("stack-?.json").matches("stack-1.json")).isTrue();
        assertThat(AntPattern.compile("stack-?.json").matches("stack-12.json")).isFalse();
        // Regex characters are literal.
        assertThat(AntPattern.compile("a+b.yaml").matches("aab.yaml")).isFalse();
        assertThat(AntPattern.compile("src\\main\\**").matches("src/main/t.yaml")).isTrue();
    }

    @Test
    void theDefaultsTakeTopLevelTemplatesSrcMainAndCdkOutButNotTests() {
        FileSelection defaults =
                new FileSelection(basedir, FileSelection.DEFAULT_INCLUDES, List.of());

        assertThat(selects(defaults, "template.yaml")).isTrue();
        assertThat(selects(defaults, "src/main/resources/stack.json")).isTrue();
        assertThat(selects(defaults, "cdk.out/App.template.json")).isTrue();
        assertThat(selects(defaults, "src/test/resources/fixture.yaml")).isFalse();
        assertThat(selects(defaults, "docs/example.yaml")).isFalse();
    }

    @Test
    void excludesWinOverIncludes() {
        FileSelection selection =
                new FileSelection(basedir, List.of("**", " "), List.of("**/legacy/**"));

        assertThat(selects(selection, "src/main/legacy/old.yaml")).isFalse();
        assertThat(selects(selection, "src/main/new.yaml")).isTrue();
        assertThat(selection.selects(basedir.resolve("../shared/common.yaml"))).isTrue();
    }
}
