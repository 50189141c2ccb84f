package dev.cfnsecrets.report;

/** The tool's name, home page and version (the version is the build's: {@link BuildInfo}). */
public final class ToolInfo {
    public static final String NAME = "cfn-secrets";
    public static final String INFORMATION_URI = "https://github.com/cfn-secrets/cfn-secrets";

    private ToolInfo() {}

    public static String version() {
        return BuildInfo.bundled().version();
    }

    /** Where a rule's documentation lives on the web: its catalog file. */
    public static String helpUri(String ruleId) {
        return INFORMATION_URI + "/blob/main/rules/" + ruleId + ".md";
    }
}
