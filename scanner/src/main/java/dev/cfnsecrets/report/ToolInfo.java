package dev.cfnsecrets.report;

import dev.cfnsecrets.source.BundledResource;
import java.util.Properties;

/**
 * The tool's name, home page and version (Maven writes the version into {@code
 * cfn-secrets/version.properties}).
 */
public final class ToolInfo {
    public static final String NAME = "cfn-secrets";
    public static final String INFORMATION_URI = "https://github.com/cfn-secrets/cfn-secrets";
    private static final String VERSION_RESOURCE = "cfn-secrets/version.properties";

    private static final String VERSION = readVersion();

    private ToolInfo() {}

    public static String version() {
        return VERSION;
    }

    /** Where a rule's documentation lives on the web: its catalog file. */
    public static String helpUri(String ruleId) {
        return INFORMATION_URI + "/blob/main/rules/" + ruleId + ".md";
    }

    private static String readVersion() {
        String version =
                BundledResource.read(
                                VERSION_RESOURCE,
                                in -> {
                                    Properties properties = new Properties();
                                    properties.load(in);
                                    return properties;
                                })
                        .getProperty("version");
        if (version == null || version.isBlank() || version.startsWith("${")) {
            throw new IllegalStateException(VERSION_RESOURCE + " holds no filtered 'version'");
        }
        return version.strip();
    }
}
