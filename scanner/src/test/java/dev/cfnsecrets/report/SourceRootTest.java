package dev.cfnsecrets.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order of {@link SourceRoot}: the git work tree of every scanned path, else the configuration
 * file's folder when it holds every scanned path, else the working directory.
 */
class SourceRootTest {
    @TempDir Path temp;
    private Path repo;
    private Path project;
    private Path elsewhere;

    @BeforeEach
    void folders() throws IOException {
        repo = Files.createDirectories(temp.resolve("repo/.git")).getParent();
        Files.createDirectories(repo.resolve("stacks"));
        project = Files.createDirectories(temp.resolve("project/stacks")).getParent();
        elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
    }

    @Test
    void theGitWorkTreeWinsOverTheConfigurationsFolder() throws IOException {
        Path config = Files.writeString(repo.resolve("stacks/.cfn-secrets.yml"), "");

        assertThat(root(List.of(repo.resolve("stacks")), elsewhere, config)).isEqualTo(repo);
        assertThat(root(List.of(Path.of(".")), repo.resolve("stacks"), config)).isEqualTo(repo);
    }

    @Test
    void withoutGitTheConfigurationsFolderHoldingEveryPathIsTheRoot() throws IOException {
        Path config = Files.writeString(project.resolve(".cfn-secrets.yml"), "");

        assertThat(root(List.of(project.resolve("stacks")), elsewhere, config)).isEqualTo(project);
        // Relative paths, the configuration's too, are the working directory's.
        assertThat(
                        root(
                                List.of(Path.of(".")),
                                project.resolve("stacks"),
                                Path.of("../.cfn-secrets.yml")))
                .isEqualTo(project);
        // Paths in two work trees, and one outside any, under the configuration's folder.
        Path other = Files.createDirectories(project.resolve("other/.git")).getParent();
        assertThat(root(List.of(other, repo), elsewhere, temp.resolve("all.yml"))).isEqualTo(temp);
        assertThat(root(List.of(other, project.resolve("stacks")), elsewhere, config))
                .isEqualTo(project);
    }

    @Test
    void aConfigurationOutsideTheScannedPathsLeavesTheWorkingDirectory() throws IOException {
        Path shared = Files.writeString(elsewhere.resolve("shared.yml"), "");
        Path inside = Files.writeString(project.resolve("stacks/.cfn-secrets.yml"), "");

        assertThat(root(List.of(project), project.resolve("stacks"), shared))
                .isEqualTo(project.resolve("stacks"));
        // A configuration below the scanned folder holds only part of it.
        assertThat(root(List.of(project), elsewhere, inside)).isEqualTo(elsewhere);
        assertThat(SourceRoot.of(List.of(project), elsewhere, Optional.empty()))
                .isEqualTo(elsewhere);
    }

    @Test
    void aConfigurationThatIsALinkCountsWhereItIsNamedNotWhereItPoints() throws IOException {
        Path target = Files.writeString(elsewhere.resolve("real.yml"), "");
        Path link = Files.createSymbolicLink(project.resolve(".cfn-secrets.yml"), target);

        assertThat(root(List.of(project.resolve("stacks")), temp, link)).isEqualTo(project);
        assertThat(root(List.of(elsewhere.resolve("real.yml")), temp, link)).isEqualTo(temp);
    }

    @Test
    void standardInputAloneStandsForTheWorkingDirectory() throws IOException {
        Path config = Files.writeString(project.resolve(".cfn-secrets.yml"), "");

        assertThat(root(List.of(), repo.resolve("stacks"), config)).isEqualTo(repo);
        assertThat(root(List.of(), project.resolve("stacks"), config)).isEqualTo(project);
        assertThat(root(List.of(), elsewhere, config)).isEqualTo(elsewhere);
    }

    @Test
    void pathsOutsideAnyRepositoryOrAcrossTwoWithoutConfigurationAreTheWorkingDirectorys()
            throws IOException {
        // A linked worktree's .git is a file.
        Path worktree = Files.createDirectories(temp.resolve("worktree"));
        Files.writeString(worktree.resolve(".git"), "gitdir: ../repo/.git/worktrees/w\n");

        assertThat(SourceRoot.of(List.of(worktree.resolve("a.yaml")), elsewhere, Optional.empty()))
                .isEqualTo(worktree);
        assertThat(SourceRoot.of(List.of(repo, worktree), elsewhere, Optional.empty()))
                .isEqualTo(elsewhere);
        assertThat(SourceRoot.of(List.of(elsewhere), repo, Optional.empty())).isEqualTo(repo);
    }

    private static Path root(List<Path> scanned, Path workingDirectory, Path config) {
        return SourceRoot.of(scanned, workingDirectory, Optional.of(config));
    }
}
