package dev.cfnsecrets.iam;

/** A statement's {@code Effect}; {@code UNKNOWN} when it is not a literal Allow or Deny. */
public enum Effect {
    ALLOW,
    DENY,
    UNKNOWN
}
