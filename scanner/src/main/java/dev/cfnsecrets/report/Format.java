package dev.cfnsecrets.report;

/** The output formats of {@code cfn-secrets scan --format}. */
public enum Format {
    TEXT,
    SARIF,
    JSON,
    GITHUB
}
