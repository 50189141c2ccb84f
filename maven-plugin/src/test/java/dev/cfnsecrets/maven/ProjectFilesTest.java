package dev.cfnsecrets.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFilesTest {
    @TempDir Path root;

    /**
     * A parent with a template of its own, modules api and infra (infra with a nested module fn).
     */
    @BeforeEach
    void layout() throws IOException {
        for (String file :
                List.of(
                        "root.yaml",
                        "api/api.yaml",
                        "infra/stack.json",
                        "infra/fn/fn.template",
                        "infra/fn/target/generated.yaml",
                        "docs/notes.txt",
                        "apidocs/x.yml")) {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "Resources: {}\n");
        }
        Files.writeString(root.resolve("infra/pom-infra.xml"), "<project/>");
    }

    private List<String> relative(List<Path> files) {
        return files.stream().map(f -> root.relativize(f).toString().replace('\\', '/')).toList();
    }

    @Test
    void aParentLeavesItsModulesDirectoriesToThem() {
        List<Path> files =
                ProjectFiles.of(List.of(root), List.of(root.resolve("api"), root.resolve("infra")));

        // "apidocs" only starts like "api": it is the parent's.
        assertThat(relative(files)).containsExactly("apidocs/x.yml", "root.yaml");
    }

    @Test
    void aModuleScansItsOwnFilesButNotItsNestedModule() {
        Path infra = root.resolve("infra");

        assertThat(relative(ProjectFiles.of(List.of(infra), List.of(infra.resolve("fn")))))
                .containsExactly("infra/stack.json");
        assertThat(relative(ProjectFiles.of(List.of(infra.resolve("fn")), List.of())))
                .containsExactly("infra/fn/fn.template");
    }

    @Test
    void aPathNamedInsideAModuleIsScannedAnyway() {
        List<Path> files =
                ProjectFiles.of(
                        List.of(root.resolve("api"), root.resolve("infra/stack.json")),
                        List.of(root.resolve("api"), root.resolve("infra")));

        assertThat(relative(files)).containsExactly("api/api.yaml", "infra/stack.json");
    }

    @Test
    void aModuleNamedByItsPomIsItsDirectory() {
        assertThat(ProjectFiles.moduleDirectory(root, "infra/pom-infra.xml"))
                .isEqualTo(root.resolve("infra"));
        assertThat(ProjectFiles.moduleDirectory(root, "./api/")).isEqualTo(root.resolve("api"));
    }
}
