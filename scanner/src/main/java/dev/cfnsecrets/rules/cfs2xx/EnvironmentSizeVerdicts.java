package dev.cfnsecrets.rules.cfs2xx;

import dev.cfnsecrets.envsize.EnvironmentMeasure;
import dev.cfnsecrets.envsize.EnvironmentSize;
import dev.cfnsecrets.envsize.UnknownValue;
import dev.cfnsecrets.envsize.VariableSize;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.rules.DocumentScope;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.rules.Shared;
import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.ScalarNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The shared verdict of CFS201–CFS203: each Lambda function gets at most one of them, the most
 * severe that applies. A function with {@code Fn::If} on its environment is judged by its largest
 * branch.
 *
 * <p>Findings sit on the function's own {@code Variables} key (or {@code Environment} key) when it
 * writes one, otherwise — its whole environment comes from SAM Globals — on its logical id, so that
 * each function affected by a large Globals section is named once.
 */
final class EnvironmentSizeVerdicts {
    enum Verdict {
        OVER,
        NEAR,
        UNBOUNDED
    }

    /** A function and the environment branch a verdict is about. */
    record Assessment(Resource resource, EnvironmentSize size, Verdict verdict) {}

    static final long LIMIT = EnvironmentSize.LIMIT;
    private static final int CONTRIBUTORS_SHOWN = 3;
    private static final int UNKNOWNS_SHOWN = 5;

    /** Unknown values a message names; its related locations show {@link #UNKNOWNS_SHOWN}. */
    private static final int UNKNOWNS_NAMED = 3;

    private static final Shared<List<Assessment>> ASSESSMENTS =
            new Shared<>(EnvironmentSizeVerdicts::assess);

    private EnvironmentSizeVerdicts() {}

    /**
     * The functions of the document that get {@code verdict}: measured once per document for
     * CFS201–CFS203.
     */
    static List<Assessment> assessments(RuleContext context, Verdict verdict) {
        return context.shared(ASSESSMENTS).stream().filter(a -> a.verdict() == verdict).toList();
    }

    private static List<Assessment> assess(DocumentScope scope) {
        Template template = scope.template().orElse(null);
        if (template == null) {
            return List.of();
        }
        List<Assessment> assessments = new ArrayList<>();
        for (Resource resource : template.resources().values()) {
            if (EnvironmentMeasure.appliesTo(resource)) {
                verdict(
                                resource,
                                EnvironmentMeasure.measure(resource, scope.evaluator()),
                                scope.settings().envSizeWarningPercent())
                        .ifPresent(assessments::add);
            }
        }
        return List.copyOf(assessments);
    }

    private static Optional<Assessment> verdict(
            Resource resource, List<EnvironmentSize> branches, int warningPercent) {
        Optional<EnvironmentSize> largestKnown =
                branches.stream().max(Comparator.comparingLong(EnvironmentSize::knownBytes));
        if (largestKnown.isEmpty()) {
            return Optional.empty();
        }
        long known = largestKnown.get().knownBytes();
        if (known > LIMIT) {
            return Optional.of(new Assessment(resource, largestKnown.get(), Verdict.OVER));
        }
        if (known * 100 >= warningPercent * LIMIT) {
            return Optional.of(new Assessment(resource, largestKnown.get(), Verdict.NEAR));
        }
        EnvironmentSize largestPossible =
                branches.stream()
                        .max(Comparator.comparingLong(EnvironmentSize::possibleBytes))
                        .orElseThrow();
        if (largestPossible.possibleBytes() > LIMIT) {
            return Optional.of(new Assessment(resource, largestPossible, Verdict.UNBOUNDED));
        }
        return Optional.empty();
    }

    /** Starts the finding at the function (see the class comment), with its resource and path. */
    static RuleContext.Builder report(RuleContext context, String ruleId, Resource resource) {
        String path = Node.childPath(resource.node().path(), "Properties/Environment/Variables");
        return context.report(ruleId)
                .at(anchor(resource).span(), path)
                .resource(resource)
                .value("environment size");
    }

    private static ScalarNode anchor(Resource resource) {
        Optional<MapNode.Entry> environment = resource.properties().entry("Environment");
        if (environment.isEmpty() || fromGlobals(environment.get().key())) {
            return resource.key();
        }
        Optional<MapNode.Entry> variables =
                environment.get().value() instanceof MapNode env
                        ? env.entry("Variables")
                        : Optional.empty();
        return variables
                .filter(v -> !fromGlobals(v.key()))
                .map(MapNode.Entry::key)
                .orElse(environment.get().key());
    }

    private static boolean fromGlobals(Node node) {
        return node.path().startsWith("Globals/");
    }

    /** Related locations at the variables with the most bytes. */
    static void relateLargest(RuleContext.Builder finding, EnvironmentSize size) {
        for (VariableSize v : size.largestContributors(CONTRIBUTORS_SHOWN)) {
            finding.related(
                    v.key().span(),
                    v.name()
                            + ": "
                            + bytes(v.largestKnown().knownShare())
                            + " bytes"
                            + (v.fromGlobals() ? ", from Globals" : ""));
        }
    }

    /** Related locations at the unknown values. */
    static void relateUnknowns(RuleContext.Builder finding, List<UnknownValue> unknowns) {
        unknowns.stream()
                .limit(UNKNOWNS_SHOWN)
                .forEach(
                        u ->
                                finding.related(
                                        u.span(), "unknown until deployment: " + u.description()));
    }

    /**
     * "4,279 bytes of 4,096: 2,273 from Globals, 2,006 from the function", or "at least 4,210 bytes
     * of 4,096 (…); 2 values unknown" with {@code aside} in the parentheses, when some are unknown.
     */
    static String figure(EnvironmentSize size, String aside) {
        int unknown = size.unknownsOfKnown().size();
        String text = (unknown > 0 ? "at least " : "") + knownFigure(size) + " (" + aside + ")";
        return unknown > 0
                ? text + "; " + unknown + (unknown == 1 ? " value" : " values") + " unknown"
                : text;
    }

    /** "4,279 bytes of 4,096", with the Globals share when Globals contribute. */
    static String knownFigure(EnvironmentSize size) {
        String text = bytes(size.knownBytes()) + " bytes of " + bytes(LIMIT);
        long globals = size.globalsBytes();
        if (globals == 0) {
            return text;
        }
        return text
                + (size.functionBytes() == 0
                        ? ", all from Globals"
                        : ": "
                                + bytes(globals)
                                + " from Globals, "
                                + bytes(size.functionBytes())
                                + " from the function");
    }

    /** What the known part leaves of the limit. */
    static long bytesLeft(EnvironmentSize size) {
        return Math.max(0, LIMIT - size.knownBytes());
    }

    static String bytes(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f %%", part * 100.0 / whole);
    }

    /** "409 bytes are left", "1 byte is left", "nothing is left", or "at most …". */
    static String left(long bytes, boolean atMost) {
        if (bytes == 0) {
            return "nothing is left";
        }
        return (atMost ? "at most " : "")
                + bytes(bytes)
                + (bytes == 1 ? " byte is" : " bytes are")
                + " left";
    }

    static String describe(List<UnknownValue> unknowns) {
        List<String> names =
                unknowns.stream().limit(UNKNOWNS_NAMED).map(UnknownValue::description).toList();
        String shown = String.join(", ", names);
        return unknowns.size() > names.size()
                ? shown + " and " + (unknowns.size() - names.size()) + " more"
                : shown;
    }

    /** What to do about an environment too large, as the message's last sentence. */
    static final String ADVICE =
            "Move large values to Parameter Store, Secrets Manager or S3, or split the function.";
}
