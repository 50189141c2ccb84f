package dev.cfnsecrets.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version Maven wrote into {@code cfn-secrets/version.properties}. */
final class VersionProvider implements IVersionProvider {
    static final String RESOURCE = "cfn-secrets/version.properties";

    @Override
    public String[] getVersion() throws IOException {
        return new String[] {"cfn-secrets " + version()};
    }

    static String version() throws IOException {
        try (InputStream in = VersionProvider.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is missing from the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        }
    }
}
