package dev.cfnsecrets.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The output formats of {@code cfn-secrets scan --format}. */
public enum Format {
    TEXT,
    SARIF,
    JSON,
    GITHUB,
    JUNIT,
    GITLAB_SAST,
    MARKDOWN;

    /** The name on the command line: {@code text}, …, {@code gitlab-sast}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The format a command line names, in any case. */
    public static Optional<Format> fromCliName(String name) {
        return Arrays.stream(values()).filter(f -> f.cliName().equalsIgnoreCase(name)).findFirst();
    }

    /** Every name, comma-separated, for messages. */
    public static String cliNames() {
        return Arrays.stream(values()).map(Format::cliName).collect(Collectors.joining(", "));
    }
}
