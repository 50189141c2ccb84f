package dev.cfnsecrets.finding;

import dev.cfnsecrets.source.Span;
import java.util.List;

/** A mechanical edit that resolves a finding: each replacement deletes a span and inserts text. */
public record Fix(String description, List<Replacement> replacements) {

    public record Replacement(Span deleted, String inserted) {}

    public Fix {
        replacements = List.copyOf(replacements);
    }
}
