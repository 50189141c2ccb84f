package dev.cfnsecrets.envsize;

import dev.cfnsecrets.source.Span;

/**
 * A piece of a variable whose size is only known at deploy time (an attribute, an import, a
 * Parameter without a Default, a dynamic reference …), with the size such a value commonly takes.
 *
 * @param description what it is, e.g. {@code Fn::GetAtt Db.Endpoint.Address}; never a secret value
 * @param commonBytes the size this kind of value commonly reaches, see {@link UnknownSizes}
 */
public record UnknownValue(String description, Span span, long commonBytes) {}
