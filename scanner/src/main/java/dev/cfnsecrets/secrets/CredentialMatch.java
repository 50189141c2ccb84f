package dev.cfnsecrets.secrets;

/**
 * A credential found in a string: its kind, where it is ({@code [start, end)} of the scanned text)
 * and the secret characters themselves ({@code secret}, which may be a part of the match — the
 * password of a URL, say). Callers hand {@code secret} to the reporters for redaction and never
 * print it.
 */
public record CredentialMatch(CredentialKind kind, int start, int end, String secret) {}
