package dev.cfnsecrets.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.model.Document;
import dev.cfnsecrets.scan.ScanResult;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks must measure the work a real scan does: the synthetic template parses as a
 * template and gives the findings its planted problems call for, scaled with its size.
 */
class BenchmarkWorkloadTest {
    @Test
    void syntheticTemplateIsATemplateWithOneResourcePairPerFunction() throws Exception {
        LoadBenchmark load = new LoadBenchmark();
        load.functions = 10;
        load.read();

        Document document = load.parse();

        assertThat(document).isInstanceOf(Document.TemplateDocument.class);
        assertThat(((Document.TemplateDocument) document).template().resources()).hasSize(20);
    }

    @Test
    void syntheticScanFindsThePlantedProblemsOfEveryFunction() {
        ScanBenchmark scan = new ScanBenchmark();
        scan.functions = 10;
        scan.prepare();

        ScanResult result = scan.syntheticTemplate();

        // Per function: the GitHub token literal (CFS101), DB_PASSWORD from a Parameter (CFS103),
        // and secrets kept under the AWS managed key (CFS110).

        assertThat(rulesCounted(result))
                .isEqualTo(Map.of("CFS101", 10, "CFS103", 10, "CFS110", 10));
    }

    private static Map<String, Integer> rulesCounted(ScanResult result) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Finding finding : result.findings()) {
            counts.merge(finding.ruleId(), 1, Integer::sum);
        }
        return counts;
    }
}
