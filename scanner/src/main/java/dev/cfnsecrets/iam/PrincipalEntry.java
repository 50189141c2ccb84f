package dev.cfnsecrets.iam;

/**
 * One principal of a resource-based statement: {@code type} is {@code AWS}, {@code Service},
 * {@code Federated}, {@code CanonicalUser}, or {@code *} for {@code Principal: "*"}.
 */
public record PrincipalEntry(String type, PolicyString value) {
    /** Everyone: {@code Principal: "*"} or {@code {AWS: "*"}}. */
    public boolean isEveryone() {
        return type.equals("*") || (type.equals("AWS") && value.glob().equals("*"));
    }

    /**
     * An account principal ({@code arn:aws:iam::111122223333:root} or a bare account id): in a key
     * policy it delegates to the account's IAM policies and grants no user anything by itself.
     */
    public boolean isAccountRoot() {
        if (!type.equals("AWS")) {
            return false;
        }
        String g = value.glob();
        return g.matches("arn:[^:]*:iam::[^:]*:root") || g.matches("\\d{12}")
                || g.equals(String.valueOf(Glob.ANY_FIELD));
    }
}
