package dev.cfnsecrets.envsize;

import dev.cfnsecrets.source.ScalarNode;

/**
 * One environment variable of a function after the SAM Globals merge.
 *
 * @param key where the variable is written: in Globals when {@code fromGlobals}
 * @param largestKnown the branch with the most known bytes (what CFS201/CFS202 measure)
 * @param largestPossible the branch with the most bytes once unknown pieces take their common size
 *     (what CFS203 measures); the same as {@code largestKnown} without {@code Fn::If}
 */
public record VariableSize(
        String name,
        ScalarNode key,
        boolean fromGlobals,
        VariableValue largestKnown,
        VariableValue largestPossible) {}
