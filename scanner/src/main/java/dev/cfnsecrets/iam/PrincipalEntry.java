package dev.cfnsecrets.iam;

/**
 * One principal of a resource-based statement: {@code type} is {@code AWS}, {@code Service}, {@code
 * Federated}, {@code CanonicalUser}, or {@code *} for {@code Principal: "*"}.
 */
public record PrincipalEntry(String type, PolicyString value) {
    /** Everyone: {@code Principal: "*"} or {@code {AWS: "*"}}. */
    public boolean isEveryone() {
        return type.equals("*") || (type.equals("AWS") && value.glob().equals("*"));
    }
}
