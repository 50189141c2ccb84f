package dev.cfnsecrets.secrets;

/**
 * A kind of credential: a stable {@code id} (e.g. {@code github-token}), the words a message uses
 * for it ({@code label}, e.g. "GitHub token") and its {@link BlastRadius}.
 */
public record CredentialKind(String id, String label, BlastRadius blastRadius) {}
