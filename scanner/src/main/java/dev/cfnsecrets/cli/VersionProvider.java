package dev.cfnsecrets.cli;

import dev.cfnsecrets.report.ToolInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version Maven wrote into {@code cfn-secrets/version.properties}. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {ToolInfo.NAME + " " + ToolInfo.version()};
    }
}
