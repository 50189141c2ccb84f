package dev.cfnsecrets.finding;

import dev.cfnsecrets.source.Span;

/** A place in a scanned file, with a short note on what is there (for related locations). */
public record Location(String file, Span span, String message) {}
