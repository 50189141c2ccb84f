package dev.cfnsecrets.secrets;

/**
 * How much damage a leaked credential does, and so which store it belongs in: a low-radius key
 * (write-only telemetry ingest, public DSN) may live in an environment variable; a high-radius one
 * (database password, general API token) belongs in a Parameter Store SecureString fetched at
 * runtime; a critical one (cloud credentials, private keys, live payment keys, source-control and
 * package-registry tokens) in Secrets Manager with rotation, fetched at runtime. {@link
 * #securitySeverity()} is GitHub's 0–10 {@code security-severity}.
 */
public enum BlastRadius {
    LOW(3.0),
    HIGH(7.5),
    CRITICAL(9.5);

    private final double securitySeverity;

    BlastRadius(double securitySeverity) {
        this.securitySeverity = securitySeverity;
    }

    public double securitySeverity() {
        return securitySeverity;
    }
}
