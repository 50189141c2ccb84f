package dev.cfnsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.report.SarifSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SARIF of a real scan of the repository's fixtures, against the OASIS schema and against what
 * GitHub code scanning documents that it reads and accepts (docs/facts.md#github-code-scanning).
 * {@code .ci/sarif-check.py} checks the same constraints on the launcher's output in CI.
 */
class GithubCodeScanningSarifTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPO =
            Path.of(System.getProperty("cfnsecrets.repo")).toAbsolutePath().normalize();
    private static final Set<String> CORRECTNESS_RULES =
            Set.of("CFS001", "CFS104", "CFS109", "CFS201", "CFS202", "CFS203");

    /** The rules whose findings are credentials of a known format, each with its radius. */
    private static final Set<String> CREDENTIAL_RULES = Set.of("CFS101", "CFS107", "CFS111");

    private static CommandRun run;
    private static JsonNode sarif;

    @BeforeAll
    static void scanFixtures() throws IOException {
        // The tests run in scanner/: "../fixtures" is the repository's fixtures folder.
        run = CommandRun.of("scan", "-f", "sarif", "--fail-on", "error", "../fixtures");
        sarif = JSON.readTree(run.out());
    }

    private static JsonNode runNode() {
        return sarif.path("runs").path(0);
    }

    private static Map<String, JsonNode> rulesById() {
        Map<String, JsonNode> rules = new HashMap<>();
        runNode().at("/tool/driver/rules").forEach(r -> rules.put(r.path("id").asText(), r));
        return rules;
    }

    @Test
    void isValidSarif() {
        assertThat(run.status()).isEqualTo(1);
        assertThat(runNode().path("results").size()).isGreaterThan(100);
        assertThat(SarifSchema.violations(run.out())).isEmpty();
    }

    @Test
    void everyRuleHasWhatCodeScanningShows() {
        JsonNode rules = runNode().at("/tool/driver/rules");
        assertThat(rules.size()).isEqualTo(20);
        for (JsonNode rule : rules) {
            String id = rule.path("id").asText();
            assertThat(rule.at("/shortDescription/text").asText()).as(id).isNotBlank();
            assertThat(rule.at("/fullDescription/text").asText())
                    .as(id + " fullDescription")
                    .isNotBlank()
                    .hasSizeLessThanOrEqualTo(1000);
            assertThat(rule.at("/help/text").asText()).as(id).contains("Why it matters");
            assertThat(rule.at("/help/markdown").asText()).as(id).contains("## Fix");
            assertThat(rule.at("/properties/precision").asText())
                    .as(id + " precision")
                    .isIn("very-high", "high", "medium", "low");
            assertThat(rule.at("/properties/tags").size()).as(id + " tags").isLessThanOrEqualTo(10);
        }
        // The long help is in help, not in the description: CFS101's would not fit.
        JsonNode cfs101 = rulesById().get("CFS101");
        assertThat(cfs101.at("/help/text").asText().length()).isGreaterThan(1000);
    }

    @Test
    void onlySecurityRulesAreSecurityAlerts() {
        rulesById()
                .forEach(
                        (id, rule) -> {
                            JsonNode properties = rule.path("properties");
                            List<String> tags = new ArrayList<>();
                            properties.path("tags").forEach(t -> tags.add(t.asText()));
                            if (CORRECTNESS_RULES.contains(id)) {
                                assertThat(tags).as(id).doesNotContain("security");
                                assertThat(properties.has("security-severity")).as(id).isFalse();
                                assertThat(properties.path("problem.severity").asText())
                                        .as(id)
                                        .isIn("error", "warning", "recommendation");
                            } else {
                                assertThat(tags).as(id).contains("security");
                                assertThat(properties.path("security-severity").isTextual())
                                        .as(id)
                                        .isTrue();
                                assertThat(
                                                Double.parseDouble(
                                                        properties
                                                                .path("security-severity")
                                                                .asText()))
                                        .as(id)
                                        .isBetween(0.1, 10.0);
                                assertThat(properties.has("problem.severity")).as(id).isFalse();
                            }
                        });
    }

    /**
     * Code scanning reads security-severity on the rule only. The rules that report a credential of
     * a known format rate each finding by the credential's blast radius: the rule states the
     * highest, so that no alert shows below its finding's own severity.
     */
    @Test
    void aCredentialRuleSeverityIsTheHighestOfItsResults() {
        Map<String, JsonNode> rules = rulesById();
        Map<String, Double> highest = new HashMap<>();
        for (JsonNode result : runNode().path("results")) {
            JsonNode own = result.at("/properties/security-severity");
            if (!own.isMissingNode()) {
                highest.merge(
                        result.path("ruleId").asText(),
                        Double.parseDouble(own.asText()),
                        Math::max);
            }
        }
        for (String id : CREDENTIAL_RULES) {
            assertThat(rules.get(id).at("/properties/security-severity").asText())
                    .as(id)
                    .isEqualTo(String.valueOf(highest.get(id)));
        }
    }

    @Test
    void relatedLocationsAreLinkedFromTheMessage() {
        Pattern link = Pattern.compile("(?<!\\\\)\\]\\((\\d+)\\)");
        int linked = 0;
        for (JsonNode result : runNode().path("results")) {
            Set<Integer> ids = new TreeSet<>();
            result.path("relatedLocations").forEach(l -> ids.add(l.path("id").asInt()));
            assertThat(ids.size()).isEqualTo(result.path("relatedLocations").size());
            Set<Integer> targets = new TreeSet<>();
            Matcher m = link.matcher(result.at("/message/text").asText());
            while (m.find()) {
                targets.add(Integer.parseInt(m.group(1)));
            }
            assertThat(targets).as(result.at("/message/text").asText()).isEqualTo(ids);
            assertThat(result.path("relatedLocations").size()).isLessThanOrEqualTo(100);
            linked += ids.isEmpty() ? 0 : 1;
        }
        assertThat(linked).isGreaterThan(10);
    }

    @Test
    void theRunNamesItsCategoryVersionAndExitCode() throws IOException {
        JsonNode r = runNode();
        assertThat(r.at("/automationDetails/id").asText()).isEqualTo("cfn-secrets/");
        JsonNode driver = r.at("/tool/driver");
        assertThat(driver.path("semanticVersion").asText())
                .isEqualTo(driver.path("version").asText())
                .matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
        JsonNode invocation = r.at("/invocations/0");
        assertThat(invocation.path("exitCode").asInt()).isEqualTo(run.status());
        assertThat(invocation.path("executionSuccessful").asBoolean()).isTrue();
        assertThat(invocation.path("toolExecutionNotifications").size()).isZero();
        // helpUri: the rule's page in the repository the pom names as the project's home.
        String home =
                Files.readString(REPO.resolve("pom.xml"))
                        .replaceFirst("(?s).*?<url>([^<]+)</url>.*", "$1");
        for (JsonNode rule : driver.path("rules")) {
            String id = rule.path("id").asText();
            assertThat(rule.path("helpUri").asText())
                    .isEqualTo(home + "/blob/main/rules/" + id + ".md");
            assertThat(REPO.resolve("rules/" + id + ".md")).isRegularFile();
        }
    }

    @Test
    void pathsAreRelativeToTheRepositoryWhateverTheWorkingDirectory() throws IOException {
        // An absolute path is what a scan from any other folder gets.
        CommandRun elsewhere =
                CommandRun.of("scan", "-f", "sarif", REPO.resolve("fixtures").toString());
        JsonNode other = JSON.readTree(elsewhere.out()).path("runs").path(0);

        assertThat(uris(other)).isEqualTo(uris(runNode())).isNotEmpty();
        assertThat(uris(runNode())).allSatisfy(u -> assertThat(u).startsWith("fixtures/"));
        for (JsonNode run : List.of(runNode(), other)) {
            assertThat(run.at("/originalUriBaseIds/%SRCROOT%/uri").asText())
                    .isEqualTo(REPO.toUri().toString());
            for (JsonNode result : run.path("results")) {
                assertThat(
                                result.at(
                                                "/locations/0/physicalLocation/artifactLocation/uriBaseId")
                                        .asText())
                        .isEqualTo("%SRCROOT%");
            }
        }
    }

    private static List<String> uris(JsonNode run) {
        List<String> uris = new ArrayList<>();
        for (JsonNode result : run.path("results")) {
            uris.add(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
            result.path("relatedLocations")
                    .forEach(
                            l -> uris.add(l.at("/physicalLocation/artifactLocation/uri").asText()));
        }
        return uris;
    }

    /**
     * Rule help is published (SARIF, the repository, {@code explain}): it holds no value that
     * gitleaks or GitHub secret scanning would take for a live credential.
     */
    @Test
    void noHelpHoldsWhatSecretScannersFlag() throws IOException {
        for (JsonNode rule : runNode().at("/tool/driver/rules")) {
            String id = rule.path("id").asText();
            assertThat(CredentialShapes.in(rule.at("/help/markdown").asText())).as(id).isEmpty();
            assertThat(CredentialShapes.in(rule.at("/help/text").asText())).as(id).isEmpty();
            assertThat(CredentialShapes.in(Files.readString(REPO.resolve("rules/" + id + ".md"))))
                    .as("rules/" + id + ".md")
                    .isEmpty();
        }
    }
}
