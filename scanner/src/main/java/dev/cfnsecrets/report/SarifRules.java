package dev.cfnsecrets.report;

import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import dev.cfnsecrets.catalog.Precision;
import dev.cfnsecrets.catalog.RuleDescription;
import dev.cfnsecrets.finding.Level;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * SARIF's {@code reportingDescriptor} for a rule, shaped for GitHub code scanning
 * (docs/facts.md#github-code-scanning): a full description within 1,000 characters, the whole help
 * as text and Markdown, a precision, and either the {@code security} tag with a {@code
 * security-severity} (a security rule) or a {@code problem.severity} (a correctness rule, which is
 * no security alert).
 */
final class SarifRules {
    static final String SECURITY_TAG = "security";

    private SarifRules() {}

    static ReportingDescriptor descriptor(RuleDescription rule) {
        Set<String> tags = new LinkedHashSet<>();
        if (rule.isSecurity()) {
            tags.add(SECURITY_TAG);
        }
        for (String cwe : rule.cwe()) {
            String number = cwe.replaceAll("\\D", "");
            if (!number.isEmpty()) {
                tags.add("external/cwe/cwe-" + Integer.parseInt(number));
            }
        }
        PropertyBag properties =
                new PropertyBag()
                        .withTags(tags)
                        .withAdditionalProperty("precision", rule.precision().id());
        rule.securitySeverity()
                .ifPresentOrElse(
                        severity ->
                                properties.withAdditionalProperty(
                                        "security-severity", severity(severity)),
                        () ->
                                properties.withAdditionalProperty(
                                        "problem.severity", problemSeverity(rule.level())));
        return new ReportingDescriptor()
                .withId(rule.id())
                .withName(rule.name())
                .withShortDescription(new MultiformatMessageString().withText(rule.summary()))
                .withFullDescription(
                        new MultiformatMessageString().withText(rule.fullDescription()))
                .withHelp(
                        new MultiformatMessageString()
                                .withText(rule.helpText())
                                .withMarkdown(rule.helpMarkdown()))
                // A custom rule has no page of ours on the web: its help is all there is.
                .withHelpUri(rule.isCustom() ? null : URI.create(ToolInfo.helpUri(rule.id())))
                .withDefaultConfiguration(
                        new ReportingConfiguration().withLevel(configurationLevel(rule.level())))
                .withProperties(properties);
    }

    /**
     * A rule a finding names that the catalog lacks (no catalog in hand): described by its id, so
     * that every {@code ruleIndex} has a target; nothing is claimed about its kind.
     */
    static ReportingDescriptor unknown(String id, Level level) {
        String text = "Rule " + id + " (not in the rule catalog of this scan).";
        return new ReportingDescriptor()
                .withId(id)
                .withShortDescription(new MultiformatMessageString().withText(text))
                .withFullDescription(new MultiformatMessageString().withText(text))
                .withHelp(new MultiformatMessageString().withText(text))
                .withDefaultConfiguration(
                        new ReportingConfiguration().withLevel(configurationLevel(level)))
                .withProperties(
                        new PropertyBag()
                                .withAdditionalProperty("precision", Precision.MEDIUM.id())
                                .withAdditionalProperty(
                                        "problem.severity", problemSeverity(level)));
    }

    static ReportingConfiguration.Level configurationLevel(Level level) {
        return ReportingConfiguration.Level.fromValue(level.sarifName());
    }

    /** Code scanning's severity of a non-security alert: error, warning or recommendation. */
    private static String problemSeverity(Level level) {
        return level == Level.NOTE ? "recommendation" : level.sarifName();
    }

    /** GitHub reads {@code security-severity} as a string holding a number from 0.0 to 10.0. */
    static String severity(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
