package dev.cfnsecrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.scan.ScanResult;
import java.io.IOException;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The 2,200 real templates of the shared corpus: every one is read, and CFS001 appears exactly on
 * the files cfn-lint also refuses (E0000, duplicate keys), listed in realworld-unparseable.txt.
 * Skipped where the corpus is not checked out next to the repository.
 */
class RealWorldCorpusTest {
    @Test
    void cfs001OnlyWhereCfnLintAlsoFailsToParse() throws IOException {
        ScanResult result = RealWorldCorpus.scan("CFS001");

        TreeSet<String> unreadable = new TreeSet<>();
        for (Finding f : result.findings()) {
            unreadable.add(RealWorldCorpus.file(f));
        }
        assertThat(unreadable).isEqualTo(RealWorldCorpus.expected("realworld-unparseable.txt"));
        assertThat(result.filesScanned()).isEqualTo(2200);
    }
}
