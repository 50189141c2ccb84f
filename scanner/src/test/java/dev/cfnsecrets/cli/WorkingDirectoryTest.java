package dev.cfnsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Baselines and excludes do not depend on the folder a scan runs from: fingerprints and exclude
 * globs use paths relative to the repository root (the git work tree of the scanned paths). Each
 * run is a fresh JVM in a real working directory — the root, a subfolder, or outside the repository
 * with absolute paths — as a user or a CI step would run it.
 */
class WorkingDirectoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path base;
    private Path repo;

    @BeforeEach
    void repository() throws IOException {
        repo = base.resolve("repo");
        Files.createDirectories(repo.resolve(".git"));
        Files.createDirectories(repo.resolve("sub"));
        template("templates/b.yaml");
        template("templates/a.yaml");
        template("templates/generated/gen.yaml");
    }

    @Test
    void fingerprintsAreTheSameFromEveryFolder() throws Exception {
        List<String> fromRoot = fingerprints(cfnSecrets(repo, "scan", "-f", "json", "templates"));
        List<String> fromSub =
                fingerprints(cfnSecrets(repo.resolve("sub"), "scan", "-f", "json", "../templates"));
        List<String> absolute =
                fingerprints(
                        cfnSecrets(
                                base, "scan", "-f", "json", repo.resolve("templates").toString()));

        assertThat(fromRoot).hasSize(9).doesNotHaveDuplicates();
        assertThat(fromSub).isEqualTo(fromRoot);
        assertThat(absolute).isEqualTo(fromRoot);
    }

    @Test
    void gitlabSastNamesRepositoryPathsFromEveryFolder() throws Exception {
        List<String> fromSub =
                gitlabFiles(
                        cfnSecrets(
                                repo.resolve("sub"), "scan", "-f", "gitlab-sast", "../templates"));
        List<String> absolute =
                gitlabFiles(
                        cfnSecrets(
                                base,
                                "scan",
                                "-f",
                                "gitlab-sast",
                                repo.resolve("templates").toString()));

        assertThat(fromSub)
                .containsExactly(
                        "templates/a.yaml", "templates/b.yaml", "templates/generated/gen.yaml");
        assertThat(absolute).isEqualTo(fromSub);
    }

    @Test
    void junitNamesRepositoryPathsFromASubfolder() throws Exception {
        FreshJvmRun fromSub =
                cfnSecrets(repo.resolve("sub"), "scan", "-f", "junit", "../templates");

        assertThat(fromSub.out())
                .contains("classname=\"templates/a.yaml\"")
                .doesNotContain("../templates");
    }

    @Test
    void baselineWrittenAtTheRootSuppressesScansFromASubfolderAndOutside() throws Exception {
        FreshJvmRun written =
                cfnSecrets(repo, "scan", "--write-baseline", "baseline.json", "templates");
        assertThat(written.status()).as(written.err()).isZero();

        FreshJvmRun fromSub =
                cfnSecrets(
                        repo.resolve("sub"),
                        "scan",
                        "-f",
                        "json",
                        "--baseline",
                        "../baseline.json",
                        "../templates");
        FreshJvmRun outside =
                cfnSecrets(
                        base,
                        "scan",
                        "-f",
                        "json",
                        "--baseline",
                        repo.resolve("baseline.json").toString(),
                        repo.resolve("templates").toString());

        for (FreshJvmRun run : List.of(fromSub, outside)) {
            run.assertEveryFindingInTheBaseline(9);
        }
    }

    @Test
    void baselineFileIsTheSameFromEveryFolderSortedAndWithoutSecrets() throws Exception {
        cfnSecrets(repo, "scan", "--write-baseline", "root.json", "templates");
        cfnSecrets(repo.resolve("sub"), "scan", "--write-baseline", "../sub.json", "../templates");

        String written = Files.readString(repo.resolve("root.json"));
        assertThat(Files.readString(repo.resolve("sub.json"))).isEqualTo(written);
        assertThat(written)
                .doesNotContain(SecretNamedTemplate.PASSWORD)
                .doesNotContain(SecretNamedTemplate.TOKEN);
        List<String> entries = new ArrayList<>();
        JSON.readTree(written)
                .path("findings")
                .forEach(
                        e ->
                                entries.add(
                                        e.path("file").asText()
                                                + " "
                                                + e.path("rule").asText()
                                                + " "
                                                + e.path("logicalId").asText()
                                                + " "
                                                + e.path("propertyPath").asText()));
        // By file, then line (KmsKeyArn's finding sits on the function's Properties, line 4), then
        // rule.
        List<String> perFile =
                List.of(
                        "CFS110 Api Resources/Api/Properties/KmsKeyArn",
                        "CFS102 Api Resources/Api/Properties/Environment/Variables/DB_PASSWORD",
                        "CFS102 Api Resources/Api/Properties/Environment/Variables/API_TOKEN");
        List<String> expected = new ArrayList<>();
        for (String file :
                List.of("templates/a.yaml", "templates/b.yaml", "templates/generated/gen.yaml")) {
            perFile.forEach(entry -> expected.add(file + " " + entry));
        }
        assertThat(entries).isEqualTo(expected);
        JSON.readTree(written)
                .path("findings")
                .forEach(e -> assertThat(e.path("message").asText()).isNotBlank());
    }

    @Test
    void excludesMatchRepositoryPathsFromEveryFolder() throws Exception {
        Path config =
                Files.writeString(
                        repo.resolve("scan.yml"), "exclude:\n  - \"templates/generated/**\"\n");

        FreshJvmRun fromRoot =
                cfnSecrets(repo, "scan", "-f", "json", "-c", config.toString(), "templates");
        FreshJvmRun fromSub =
                cfnSecrets(
                        repo.resolve("sub"),
                        "scan",
                        "-f",
                        "json",
                        "-c",
                        config.toString(),
                        "../templates");
        FreshJvmRun outside =
                cfnSecrets(
                        base,
                        "scan",
                        "-f",
                        "json",
                        "-c",
                        config.toString(),
                        repo.resolve("templates").toString());

        assertThat(files(fromRoot)).containsExactly("templates/a.yaml", "templates/b.yaml");
        // Reports show paths relative to the working directory, or absolute outside it; the same
        // exclude matched them all.
        assertThat(files(fromSub))
                .containsExactly(
                        repo.resolve("templates/a.yaml").toString(),
                        repo.resolve("templates/b.yaml").toString());
        assertThat(files(outside))
                .containsExactly("repo/templates/a.yaml", "repo/templates/b.yaml");
    }

    private void template(String path) throws IOException {
        SecretNamedTemplate.write(repo.resolve(path));
    }

    private static List<String> fingerprints(FreshJvmRun run) throws IOException {
        List<String> all = new ArrayList<>();
        JSON.readTree(run.out())
                .path("findings")
                .forEach(f -> all.add(f.path("fingerprint").asText()));
        return all;
    }

    /** The distinct files of a GitLab SAST report's vulnerabilities, sorted. */
    private static List<String> gitlabFiles(FreshJvmRun run) throws IOException {
        assertThat(run.status()).as(run.err()).isEqualTo(ExitStatus.FINDINGS);
        List<String> files = new ArrayList<>();
        JSON.readTree(run.out())
                .path("vulnerabilities")
                .forEach(v -> files.add(v.path("location").path("file").asText()));
        return files.stream().distinct().sorted().toList();
    }

    /** The distinct files of a JSON report's findings, in report order. */
    private static List<String> files(FreshJvmRun run) throws IOException {
        assertThat(run.status()).as(run.err()).isEqualTo(ExitStatus.FINDINGS);
        List<String> files = new ArrayList<>();
        JSON.readTree(run.out())
                .path("findings")
                .forEach(
                        f -> {
                            String file = f.path("file").asText();
                            if (!files.contains(file)) {
                                files.add(file);
                            }
                        });
        return files;
    }

    private FreshJvmRun cfnSecrets(Path directory, String... args) throws Exception {
        return FreshJvmRun.in(directory, base, args);
    }
}
