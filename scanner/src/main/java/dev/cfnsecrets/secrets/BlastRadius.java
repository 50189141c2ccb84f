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
    LOW(
            3.0,
            "low",
            "A key with this little reach may live in an environment variable, but not written in the template: "
                    + "pass it as a NoEcho parameter or resolve it from Secrets Manager at deploy time."),
    HIGH(
            7.5,
            "high",
            "Store it as a Parameter Store SecureString (or in Secrets Manager) and fetch it at runtime."),
    CRITICAL(
            9.5,
            "critical",
            "Store it in Secrets Manager with rotation and fetch it at runtime; rotate this value now, "
                    + "because anyone who could read the template has it.");

    private final double securitySeverity;
    private final String label;
    private final String storeAdvice;

    BlastRadius(double securitySeverity, String label, String storeAdvice) {
        this.securitySeverity = securitySeverity;
        this.label = label;
        this.storeAdvice = storeAdvice;
    }

    public double securitySeverity() {
        return securitySeverity;
    }

    /** {@code low}, {@code high} or {@code critical}, as messages print it. */
    public String label() {
        return label;
    }

    /** Which store fits a secret of this radius, as one sentence. */
    public String storeAdvice() {
        return storeAdvice;
    }
}
