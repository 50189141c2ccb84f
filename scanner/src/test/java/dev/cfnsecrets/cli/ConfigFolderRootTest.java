package dev.cfnsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project outside any git work tree: its configuration file's folder is the repository root, so
 * fingerprints, baselines, excludes and SARIF's {@code %SRCROOT%} paths are the same whatever
 * folder the scan runs from — with the configuration found in the working directory or named by
 * {@code --config}. A git work tree, when there is one, still wins. Each run is a fresh JVM in a
 * real working directory.
 */
class ConfigFolderRootTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path base;
    private Path project;

    @BeforeEach
    void projectWithoutGit() throws IOException {
        for (Path dir = base; dir != null; dir = dir.getParent()) {
            assertThat(dir.resolve(".git"))
                    .as("the test needs a folder outside git")
                    .doesNotExist();
        }
        project = base.resolve("project");
        Files.createDirectories(project.resolve("sub"));
        template("templates/a.yaml");
        template("templates/b.yaml");
        template("templates/generated/gen.yaml");
        Files.writeString(
                project.resolve(".cfn-secrets.yml"), "exclude:\n  - \"templates/generated/**\"\n");
    }

    @Test
    void fingerprintsExcludesAndSarifPathsAreTheSameFromEveryFolder() throws Exception {
        // At the top the configuration is found; elsewhere it is named.
        Report atTop = scan(project, "templates");
        Report fromSub = scan(project.resolve("sub"), "-c", "../.cfn-secrets.yml", "../templates");
        Report outside =
                scan(
                        base,
                        "-c",
                        "project/.cfn-secrets.yml",
                        project.resolve("templates").toString());

        assertThat(atTop.sarifUris())
                .containsOnly("templates/a.yaml", "templates/b.yaml")
                .hasSize(6);
        assertThat(atTop.fingerprints()).hasSize(6).doesNotHaveDuplicates();
        for (Report other : List.of(fromSub, outside)) {
            assertThat(other.sarifUris()).isEqualTo(atTop.sarifUris());
            assertThat(other.fingerprints()).isEqualTo(atTop.fingerprints());
            assertThat(other.srcRoot()).isEqualTo(project.toUri().toString());
        }
    }

    @Test
    void aBaselineWrittenInOneFolderMatchesFromAnother() throws Exception {
        FreshJvmRun written =
                FreshJvmRun.in(
                        project.resolve("sub"),
                        base,
                        "scan",
                        "-c",
                        "../.cfn-secrets.yml",
                        "--write-baseline",
                        "../baseline.json",
                        "../templates");
        assertThat(written.status()).as(written.err()).isZero();
        List<String> files = new ArrayList<>();
        JSON.readTree(project.resolve("baseline.json").toFile())
                .path("findings")
                .forEach(e -> files.add(e.path("file").asText()));
        assertThat(files).containsOnly("templates/a.yaml", "templates/b.yaml").hasSize(6);

        for (FreshJvmRun run :
                List.of(
                        FreshJvmRun.in(
                                project,
                                base,
                                "scan",
                                "-f",
                                "json",
                                "--baseline",
                                "baseline.json",
                                "templates"),
                        FreshJvmRun.in(
                                base,
                                base,
                                "scan",
                                "-f",
                                "json",
                                "-c",
                                "project/.cfn-secrets.yml",
                                "--baseline",
                                "project/baseline.json",
                                "project/templates"))) {
            run.assertEveryFindingInTheBaseline(6);
        }
    }

    @Test
    void aGitWorkTreeWinsOverTheConfigurationsFolder() throws Exception {
        Path config = Files.writeString(project.resolve("templates/scan.yml"), "");

        Report withoutGit =
                scan(base, "-c", config.toString(), project.resolve("templates").toString());
        Files.createDirectories(project.resolve(".git"));
        Report withGit =
                scan(base, "-c", config.toString(), project.resolve("templates").toString());

        assertThat(withoutGit.sarifUris()).contains("a.yaml", "generated/gen.yaml");
        assertThat(withoutGit.srcRoot()).isEqualTo(project.resolve("templates").toUri().toString());
        assertThat(withGit.sarifUris())
                .contains("templates/a.yaml", "templates/generated/gen.yaml");
        assertThat(withGit.srcRoot()).isEqualTo(project.toUri().toString());
        // The fingerprints hash the repository-relative path, so they changed with the root.
        assertThat(withGit.fingerprints()).doesNotContainAnyElementsOf(withoutGit.fingerprints());
    }

    /** A scan's SARIF report (file URIs in result order, fingerprints, %SRCROOT%). */
    private record Report(List<String> sarifUris, List<String> fingerprints, String srcRoot) {}

    private Report scan(Path directory, String... args) throws Exception {
        Path sarif = Files.createTempFile(base, "report", ".sarif");
        List<String> command = new ArrayList<>(List.of("scan", "--output", "sarif=" + sarif));
        command.addAll(List.of(args));
        FreshJvmRun run = FreshJvmRun.in(directory, base, command.toArray(String[]::new));
        assertThat(run.status()).as(run.err()).isEqualTo(ExitStatus.FINDINGS);
        JsonNode sarifRun = JSON.readTree(sarif.toFile()).path("runs").path(0);
        List<String> uris = new ArrayList<>();
        List<String> fingerprints = new ArrayList<>();
        sarifRun.path("results")
                .forEach(
                        r -> {
                            JsonNode artifact =
                                    r.at("/locations/0/physicalLocation/artifactLocation");
                            assertThat(artifact.path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
                            uris.add(artifact.path("uri").asText());
                            fingerprints.add(r.path("partialFingerprints").toString());
                        });
        return new Report(
                uris, fingerprints, sarifRun.at("/originalUriBaseIds/%SRCROOT%/uri").asText());
    }

    private void template(String path) throws IOException {
        SecretNamedTemplate.write(project.resolve(path));
    }
}
