package dev.cfnsecrets.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CFS111 follows a nested stack's local child template only inside the scanned root: a literal
 * passed to a Parameter that the child puts into {@code API_KEY} is reported in the parent when the
 * child is followed, and not otherwise (the Parameter's own name, Param1, says nothing).
 */
class NestedStackScanTest {
    private static final String LITERAL = "qx7vm2kw9tr4zn6bp1hd";

    private static String parent(String templateUrl) {
        return "AWSTemplateFormatVersion: '2010-09-09'\n"
                + "Resources:\n"
                + "  Child:\n"
                + "    Type: AWS::CloudFormation::Stack\n"
                + "    Properties:\n"
                + "      TemplateURL: "
                + templateUrl
                + "\n"
                + "      Parameters:\n"
                + "        Param1: "
                + LITERAL
                + "\n";
    }

    private static String child(String nestedUrl) {
        return "AWSTemplateFormatVersion: '2010-09-09'\n"
                + "Parameters:\n"
                + "  Param1: {Type: String, NoEcho: true}\n"
                + "Resources:\n"
                + (nestedUrl == null
                        ? ""
                        : "  Back:\n    Type: AWS::CloudFormation::Stack\n"
                                + "    Properties: {TemplateURL: "
                                + nestedUrl
                                + "}\n")
                + "  Fn:\n"
                + "    Type: AWS::Lambda::Function\n"
                + "    Properties:\n"
                + "      Runtime: python3.12\n"
                + "      Handler: app.handler\n"
                + "      Role: arn:aws:iam::123456789012:role/r\n"
                + "      Code: {ZipFile: x}\n"
                + "      Environment:\n"
                + "        Variables:\n"
                + "          API_KEY: !Ref Param1\n";
    }

    private static List<Finding> parentFindings(List<String> paths, String parentName) {
        return BuiltInRules.scanner(ScanOptions.DEFAULT)
                .scan(paths, () -> new ByteArrayInputStream(new byte[0]))
                .findings()
                .stream()
                .filter(f -> f.ruleId().equals("CFS111") && f.file().endsWith(parentName))
                .toList();
    }

    @Test
    void aChildInsideTheRootIsFollowedAndShownInItsOwnFile(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("nested"));
        Files.writeString(root.resolve("parent.yaml"), parent("./nested/child.yaml"));
        Files.writeString(root.resolve("nested/child.yaml"), child(null));

        List<Finding> findings = parentFindings(List.of(root.toString()), "parent.yaml");

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.span().startLine()).isEqualTo(8);
        assertThat(finding.message())
                .contains("Param1", "variable API_KEY of Fn")
                .doesNotContain(LITERAL);
        assertThat(finding.related())
                .extracting(Location::file)
                .singleElement()
                .satisfies(file -> assertThat(file).endsWith("nested/child.yaml"));
        assertThat(finding.related().get(0).span().startLine()).isEqualTo(14);
    }

    /**
     * The CDK uploads a nested stack's template and writes an S3 URL built with {@code Fn::Join};
     * its asset metadata names the template beside the parent in the cloud assembly.
     */
    @Test
    void aCdkNestedStackIsFollowedThroughItsAssetMetadata(@TempDir Path root) throws IOException {
        String cdkParent =
                parent("{'Fn::Join': ['', ['https://s3.', {Ref: 'AWS::URLSuffix'}, '/x.json']]}");
        Files.writeString(
                root.resolve("Parent.template.yaml"),
                cdkParent
                        + "    Metadata:\n"
                        + "      aws:asset:path: Child.nested.template.yaml\n"
                        + "      aws:asset:property: TemplateURL\n");
        Files.writeString(root.resolve("Child.nested.template.yaml"), child(null));
        Files.writeString(root.resolve("NoAssetMetadata.template.yaml"), cdkParent);

        assertThat(parentFindings(List.of(root.toString()), "Parent.template.yaml")).hasSize(1);
        assertThat(parentFindings(List.of(root.toString()), "NoAssetMetadata.template.yaml"))
                .isEmpty();
    }

    @Test
    void aFileArgumentsRootIsItsOwnDirectory(@TempDir Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("app"));
        Files.writeString(root.resolve("inside.yaml"), parent("./child.yaml"));
        Files.writeString(root.resolve("outside.yaml"), parent("../child.yaml"));
        Files.writeString(root.resolve("child.yaml"), child(null));
        Files.writeString(dir.resolve("child.yaml"), child(null));

        assertThat(parentFindings(List.of(root.resolve("inside.yaml").toString()), "inside.yaml"))
                .hasSize(1);
        assertThat(parentFindings(List.of(root.resolve("outside.yaml").toString()), "outside.yaml"))
                .isEmpty();
    }

    @Test
    void aPathOutsideTheScannedRootIsNotFollowed(@TempDir Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.writeString(dir.resolve("outside.yaml"), child(null));
        Files.writeString(root.resolve("parent.yaml"), parent("../outside.yaml"));

        assertThat(parentFindings(List.of(root.toString()), "parent.yaml")).isEmpty();
        // The same parent reaches the child when their common directory is scanned.
        assertThat(parentFindings(List.of(dir.toString()), "parent.yaml")).hasSize(1);
    }

    @Test
    void aSymlinkThatEscapesTheRootIsNotFollowed(@TempDir Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.writeString(dir.resolve("outside.yaml"), child(null));
        Files.createSymbolicLink(root.resolve("link.yml"), dir.resolve("outside.yaml"));
        Files.writeString(root.resolve("parent.yaml"), parent("./link.yml"));

        assertThat(parentFindings(List.of(root.toString()), "parent.yaml")).isEmpty();
    }

    @Test
    void standardInputFollowsNothing(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("child.yaml"), child(null));
        byte[] text = parent("./child.yaml").getBytes(StandardCharsets.UTF_8);

        List<Finding> findings =
                BuiltInRules.scanner(ScanOptions.DEFAULT)
                        .scan(List.of(Scanner.STDIN), () -> new ByteArrayInputStream(text))
                        .findings();

        assertThat(findings).noneMatch(f -> f.ruleId().equals("CFS111"));
    }

    @Test
    void aParentChildCycleEnds(@TempDir Path root) throws IOException {
        // parent → child → parent → …: each template is followed once on a chain.
        Files.writeString(
                root.resolve("parent.yaml"),
                parent("./child.yaml")
                        .replace(
                                "Resources:\n",
                                "Parameters:\n  Param1: {Type: String, NoEcho: true}\nResources:\n"));
        Files.writeString(root.resolve("child.yaml"), child("./parent.yaml"));

        List<Finding> findings = parentFindings(List.of(root.toString()), "parent.yaml");

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).related().get(0).file()).endsWith("child.yaml");
    }

    @Test
    void aSecretPassedOnIsFollowedThreeLevelsDeepAndNoFurther(@TempDir Path dir)
            throws IOException {
        // parent → level1 → level2 → level3 → level4: each passes Param1 on; the last puts it into
        // API_KEY.
        for (int depth = 3; depth <= 4; depth++) {
            Path root = Files.createDirectories(dir.resolve("depth" + depth));
            Files.writeString(root.resolve("parent.yaml"), parent("./level1.yaml"));
            for (int level = 1; level < depth; level++) {
                Files.writeString(
                        root.resolve("level" + level + ".yaml"),
                        "Parameters:\n"
                                + "  Param1: {Type: String, NoEcho: true}\n"
                                + "Resources:\n"
                                + "  Next:\n"
                                + "    Type: AWS::CloudFormation::Stack\n"
                                + "    Properties:\n"
                                + "      TemplateURL: ./level"
                                + (level + 1)
                                + ".yaml\n"
                                + "      Parameters: {Param1: !Ref Param1}\n");
            }
            Files.writeString(root.resolve("level" + depth + ".yaml"), child(null));

            List<Finding> findings = parentFindings(List.of(root.toString()), "parent.yaml");

            if (depth == 3) {
                assertThat(findings)
                        .singleElement()
                        .satisfies(
                                f ->
                                        assertThat(f.related().get(0).file())
                                                .endsWith("depth3/level3.yaml"));
            } else {
                assertThat(findings).isEmpty();
            }
        }
    }
}
