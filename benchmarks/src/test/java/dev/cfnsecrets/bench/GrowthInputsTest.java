package dev.cfnsecrets.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.scan.Scanner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The growth table is only worth its numbers if each dimension's input really grows in that
 * dimension and is still scanned whole: these check the inputs and what a scan finds in them, never
 * how long it takes.
 */
class GrowthInputsTest {
    private static final Scanner SCANNER = BuiltInRules.scanner(ScanOptions.DEFAULT);

    @TempDir Path dir;

    static List<GrowthInputs.Dimension> dimensions() {
        return GrowthInputs.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dimensions")
    void eachDimensionGrowsByItsUnitAndNothingElse(GrowthInputs.Dimension dimension) {
        long at1 = markers(dimension, 1);
        long at4 = markers(dimension, 4);
        long at16 = markers(dimension, 16);

        // a + b·factor·base occurrences: the frame (a) stays, the units grow with the factor.
        assertThat(at4 - at1).isEqualTo(3L * dimension.base());
        assertThat(at16 - at1).isEqualTo(15L * dimension.base());

        // a + b·factor·base bytes: every unit is as long at 16 × as at 1 × (fixed-width names), so
        // the 15 units added from 1 × to 16 × weigh five times the 3 added from 1 × to 4 ×, and the
        // input, frame included, grows at most 16 ×: a cost growing past 20 × is the scanner's.
        long bytesAt1 = bytes(dimension, 1);
        long bytesAt4 = bytes(dimension, 4);
        long bytesAt16 = bytes(dimension, 16);
        assertThat(bytesAt16 - bytesAt1).isEqualTo(5 * (bytesAt4 - bytesAt1)).isPositive();
        assertThat(bytesAt16).isLessThanOrEqualTo(16 * bytesAt1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dimensions")
    void theLargestInputIsScannedWholeWithoutABudgetStop(GrowthInputs.Dimension dimension)
            throws IOException {
        Map<String, Integer> rules = scan(dimension.at(16));

        assertThat(rules).doesNotContainKey("CFS001").isNotEmpty();
    }

    @Test
    void findingsPerUnitGrowWithTheUnits() throws IOException {
        assertThat(scan(dimension("secret variables").at(16)))
                .containsEntry("CFS102", 1600)
                .containsEntry("CFS110", 1);
        assertThat(scan(dimension("roles × functions").at(16))).containsEntry("CFS305", 160);
        assertThat(scan(dimension("statements × functions").at(16))).containsEntry("CFS305", 320);
        assertThat(scan(dimension("files in a directory").at(16))).containsEntry("CFS102", 320);
        assertThat(scan(dimension("nested stacks").at(16))).containsEntry("CFS111", 160);
        assertThat(scan(dimension("key policies").at(16))).containsEntry("CFS303", 800);
    }

    @Test
    void theLongStringsStillCarryTheirSecret() throws IOException {
        // The password variable beside the long value is found however long the value grows.
        for (String name : List.of("Fn::Sub variables", "Fn::Join width", "Fn::Split pieces")) {
            assertThat(scan(dimension(name).at(16))).as(name).containsEntry("CFS102", 1);
        }
    }

    private static GrowthInputs.Dimension dimension(String prefix) {
        return GrowthInputs.all().stream()
                .filter(d -> d.name().startsWith(prefix))
                .findFirst()
                .orElseThrow();
    }

    private static long markers(GrowthInputs.Dimension dimension, int factor) {
        return dimension.at(factor).files().values().stream()
                .mapToLong(text -> occurrences(text, dimension.marker()))
                .sum();
    }

    private static long bytes(GrowthInputs.Dimension dimension, int factor) {
        return dimension.at(factor).files().values().stream()
                .mapToLong(text -> text.getBytes(StandardCharsets.UTF_8).length)
                .sum();
    }

    private static long occurrences(String text, String marker) {
        long count = 0;
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
            count++;
        }
        return count;
    }

    private Map<String, Integer> scan(GrowthInputs.Input input) throws IOException {
        Path root = Files.createTempDirectory(dir, "input");
        for (Map.Entry<String, String> file : input.files().entrySet()) {
            Files.writeString(root.resolve(file.getKey()), file.getValue());
        }
        ScanResult result =
                SCANNER.scan(
                        List.of(root.resolve(input.scanned()).toString()),
                        () -> new ByteArrayInputStream(new byte[0]));
        Map<String, Integer> counts = new TreeMap<>();
        for (Finding finding : result.findings()) {
            counts.merge(finding.ruleId(), 1, Integer::sum);
        }
        return counts;
    }
}
