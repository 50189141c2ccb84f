package dev.cfnsecrets.cli;

import dev.cfnsecrets.report.BuildInfo;
import dev.cfnsecrets.report.ToolInfo;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: {@code cfn-secrets 0.1.0 (commit 7415a5e, built 2026-12-05)}, as the build
 * wrote them into the jar ({@link BuildInfo}); reading them is all it does, so it stays fast.
 */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        BuildInfo build = BuildInfo.bundled();
        return new String[] {
            ToolInfo.NAME
                    + " "
                    + build.version()
                    + " (commit "
                    + build.commit()
                    + ", built "
                    + build.buildDate()
                    + ")"
        };
    }
}
