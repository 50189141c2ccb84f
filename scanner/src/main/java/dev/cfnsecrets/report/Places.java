package dev.cfnsecrets.report;

import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a report puts a finding. A finding on a CDK construct whose creation the scan traced back
 * to the user's code ({@link Finding#source()}) is shown first at that line, the one a CDK user
 * edits and a pull request shows, and its place in the synthesised template (a build output, often
 * not committed) comes first among its related locations. Any other finding is shown where the rule
 * found it.
 */
final class Places {
    /** How a report names the template place of a finding shown at its source line. */
    static final String TEMPLATE = "the synthesised template";

    private Places() {}

    /** The finding's first place: its source line, else its place in the template. */
    static Location primary(Finding finding) {
        return finding.source().orElseGet(() -> template(finding));
    }

    /** The template's place first when the finding is shown at its source line, then the rest. */
    static List<Location> related(Finding finding) {
        if (finding.source().isEmpty()) {
            return finding.related();
        }
        List<Location> related = new ArrayList<>();
        related.add(template(finding));
        related.addAll(finding.related());
        return related;
    }

    private static Location template(Finding finding) {
        return new Location(finding.file(), finding.span(), TEMPLATE);
    }
}
