package dev.cfnsecrets.source;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** CloudFormation intrinsic function names and their YAML short-form tags. */
public final class Intrinsics {

    private static final Map<String, String> SHORT_TAGS =
            Map.ofEntries(
                    Map.entry("!Ref", "Ref"),
                    Map.entry("!Condition", "Condition"),
                    Map.entry("!Sub", "Fn::Sub"),
                    Map.entry("!GetAtt", "Fn::GetAtt"),
                    Map.entry("!Join", "Fn::Join"),
                    Map.entry("!If", "Fn::If"),
                    Map.entry("!Equals", "Fn::Equals"),
                    Map.entry("!Not", "Fn::Not"),
                    Map.entry("!And", "Fn::And"),
                    Map.entry("!Or", "Fn::Or"),
                    Map.entry("!FindInMap", "Fn::FindInMap"),
                    Map.entry("!Select", "Fn::Select"),
                    Map.entry("!Split", "Fn::Split"),
                    Map.entry("!Base64", "Fn::Base64"),
                    Map.entry("!Cidr", "Fn::Cidr"),
                    Map.entry("!GetAZs", "Fn::GetAZs"),
                    Map.entry("!ImportValue", "Fn::ImportValue"),
                    Map.entry("!Transform", "Fn::Transform"),
                    Map.entry("!ToJsonString", "Fn::ToJsonString"),
                    Map.entry("!Length", "Fn::Length"),
                    // Functions of the template's Rules section.
                    Map.entry("!Contains", "Fn::Contains"),
                    Map.entry("!EachMemberEquals", "Fn::EachMemberEquals"),
                    Map.entry("!EachMemberIn", "Fn::EachMemberIn"),
                    Map.entry("!RefAll", "Fn::RefAll"),
                    Map.entry("!ValueOf", "Fn::ValueOf"),
                    Map.entry("!ValueOfAll", "Fn::ValueOfAll"));

    /** Long-form keys that make a one-entry map an intrinsic function call. */
    private static final Set<String> FUNCTION_KEYS = Set.copyOf(SHORT_TAGS.values());

    private Intrinsics() {}

    /** The long-form name for a short tag such as {@code !Sub}, if it is one. */
    public static Optional<String> longForm(String tag) {
        return Optional.ofNullable(SHORT_TAGS.get(tag));
    }

    /**
     * A namespaced tag such as {@code !Rain::Embed} is a directive for a template preprocessor
     * (Rain, PyPlate-style macros), not a typo: it is kept as an opaque one-entry map keyed by its
     * name without the "!", which the evaluator treats as unknown.
     */
    public static Optional<String> preprocessorDirective(String tag) {
        return tag.matches("![A-Za-z][A-Za-z0-9]*(::[A-Za-z0-9]+)+")
                ? Optional.of(tag.substring(1))
                : Optional.empty();
    }

    public static boolean isFunctionKey(String key) {
        return FUNCTION_KEYS.contains(key) && !"Condition".equals(key);
    }
}
