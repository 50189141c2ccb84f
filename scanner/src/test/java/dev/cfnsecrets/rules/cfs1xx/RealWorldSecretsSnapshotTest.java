package dev.cfnsecrets.rules.cfs1xx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfnsecrets.RealWorldCorpus;
import dev.cfnsecrets.finding.Finding;
import java.io.IOException;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The secret rules over the 2,200 real templates of the shared corpus report exactly the findings
 * reviewed by hand and recorded in realworld-cfs1.txt (cfn-lint's snapshot idea): precision is won
 * or lost there, so every change in it is a diff to review. Skipped where the corpus is absent.
 */
class RealWorldSecretsSnapshotTest {
    @Test
    void reportsExactlyTheReviewedFindings() throws IOException {
        TreeSet<String> actual = new TreeSet<>();
        for (Finding f : RealWorldCorpus.scan("CFS1").findings()) {
            actual.add(RealWorldCorpus.file(f) + ":" + f.span().startLine() + " " + f.ruleId());
        }
        assertThat(actual).isEqualTo(RealWorldCorpus.expected("realworld-cfs1.txt"));
    }
}
