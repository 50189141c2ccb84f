package dev.cfnsecrets.cli;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.config.Config;
import dev.cfnsecrets.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code -c/--config}, shared by the commands that depend on the configuration: {@code scan}, and
 * {@code rules} and {@code explain}, which show its custom rules beside the catalog.
 */
final class ConfigOption {
    static final String DEFAULT_CONFIG = ConfigLoader.DEFAULT_FILE;

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description =
                    "Configuration file. Default: "
                            + DEFAULT_CONFIG
                            + " in the working directory, if present.")
    private Path config;

    @Option(
            names = "--no-repo-config",
            description =
                    "Ignore "
                            + DEFAULT_CONFIG
                            + " in the working directory: only --config applies. For CI on"
                            + " pull requests, whose own configuration could otherwise turn rules off.")
    private boolean noRepoConfig;

    /**
     * The configuration in effect, its rule ids checked against the bundled catalog and its own
     * custom rules.
     */
    Config load(Catalog bundled) {
        return file().map(new ConfigLoader(bundled)::load).orElse(Config.EMPTY);
    }

    /** The bundled catalog with the custom rules of the configuration in effect. */
    Catalog catalog() {
        Catalog bundled = Catalog.bundled();
        return bundled.withCustomRules(load(bundled).customRules());
    }

    /**
     * The explicit {@code --config}, else {@value #DEFAULT_CONFIG} when the working directory has
     * one and {@code --no-repo-config} does not forbid it.
     */
    Optional<Path> file() {
        if (config != null) {
            return Optional.of(config);
        }
        if (noRepoConfig) {
            return Optional.empty();
        }
        Path fallback = Path.of(DEFAULT_CONFIG);
        return Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
    }
}
