package dev.cfnsecrets.envsize;

import java.util.List;

/**
 * One way a variable may deploy (one branch of its {@code Fn::If}s): the bytes of its member {@code
 * "KEY":"value"} with the value's unknown pieces counted as nothing, and those pieces. An absent
 * variable ({@code !Ref AWS::NoValue}) has no member at all.
 */
public record VariableValue(boolean present, long memberBytes, List<UnknownValue> unknowns) {
    public static final VariableValue ABSENT = new VariableValue(false, 0, List.of());

    public VariableValue {
        unknowns = List.copyOf(unknowns);
    }

    /** The member plus its separator (a comma, or one brace for the last member). */
    public long knownShare() {
        return present ? memberBytes + 1 : 0;
    }

    public long commonUnknownBytes() {
        return unknowns.stream().mapToLong(UnknownValue::commonBytes).sum();
    }

    public long possibleShare() {
        return knownShare() + commonUnknownBytes();
    }
}
