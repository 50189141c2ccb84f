package dev.cfnsecrets.scan;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.config.InTemplateSuppressions;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Suppression;
import dev.cfnsecrets.iam.ManagedPolicies;
import dev.cfnsecrets.model.Document;
import dev.cfnsecrets.model.DocumentLoader;
import dev.cfnsecrets.model.NestedStacks;
import dev.cfnsecrets.rules.CrossDocumentRule;
import dev.cfnsecrets.rules.DocumentScope;
import dev.cfnsecrets.rules.Rule;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.source.InputProblem;
import dev.cfnsecrets.source.ReadAhead;
import dev.cfnsecrets.source.SourceFile;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The engine: paths to {@link ScanResult}. Each file goes source → document → rules → in-template
 * suppressions on its own, so files are scanned in parallel and a broken file never stops the
 * others.
 */
public final class Scanner {
    /** The path argument that means standard input. */
    public static final String STDIN = "-";

    /** How a CFS001 message starts when our own code failed on a file (a bug to report). */
    public static final String INTERNAL_ERROR = "cfn-secrets failed on this file (internal error";

    /** The justification of a finding the baseline suppresses. */
    private static final String BASELINED = "recorded in the baseline";

    private final ScanOptions options;
    private final Catalog catalog;
    private final List<Rule> rules;
    private final DocumentLoader loader;

    /**
     * Read only when a template attaches an AWS managed policy: a scan of one plain template never
     * needs them.
     */
    private final Supplier<ManagedPolicies> managedPolicies;

    /** Where the user's code created the construct of a finding in a CDK app's template. */
    private final SourceLines sourceLines;

    /**
     * Runs {@code rules} in their order on each document, levelled and described by {@code
     * catalog}. The engine knows no rule of its own: the built-in ones come from {@code
     * BuiltInRules}.
     */
    public Scanner(ScanOptions options, Catalog catalog, List<Rule> rules) {
        this(options, catalog, rules, ManagedPolicies::bundled);
    }

    private Scanner(
            ScanOptions options,
            Catalog catalog,
            List<Rule> rules,
            Supplier<ManagedPolicies> managedPolicies) {
        this.options = options;
        this.catalog = catalog;
        // Disabled rules run too, so that the report can say how many findings disabling them hid.
        this.rules = rules;
        this.loader = new DocumentLoader(options.limits());
        this.managedPolicies = managedPolicies;
        this.sourceLines =
                new SourceLines(options.root().toAbsolutePath().normalize(), options.limits());
    }

    /**
     * This scanner, with what AWS managed policies grant taken from {@code managedPolicies} (live
     * mode reads their real documents) instead of the bundled facts.
     */
    public Scanner withManagedPolicies(ManagedPolicies managedPolicies) {
        return new Scanner(options, catalog, rules, () -> managedPolicies);
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Scans files and directories; {@code "-"} reads {@code stdin}. Paths must exist. */
    public ScanResult scan(List<String> paths, Supplier<InputStream> stdin) {
        List<Path> files = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (String p : paths) {
            if (STDIN.equals(p)) {
                outcomes.add(
                        checkSafely(
                                Placement.asShown("<stdin>"),
                                NestedStacks.NONE,
                                () -> loader.load(stdin.get(), "<stdin>")));
            } else {
                files.add(Path.of(p));
            }
        }
        // Excluded files are counted from the walk's list, never read: an exclude may be there for
        // speed.
        List<Input> included = new ArrayList<>();
        Map<String, Long> excluded = new HashMap<>();
        Path repositoryRoot = options.root().toAbsolutePath().normalize();
        // A template of a cloud assembly lies beside the manifest that lists it: one read of each
        // folder's manifest and metadata names the stacks of all its templates.
        Map<Path, CdkMetadata> assemblies = new LinkedHashMap<>();
        CloudAssembly.Manifests manifests = new CloudAssembly.Manifests();
        for (FileWalker.Found found : FileWalker.expandWithRoots(files, manifests)) {
            String inRepository = relativePath(repositoryRoot, found.file());
            Optional<String> exclude = options.excludedBy(inRepository);
            if (exclude.isPresent()) {
                excluded.merge(exclude.get(), 1L, Long::sum);
                continue;
            }
            Path file = found.file().toAbsolutePath().normalize();
            included.add(
                    new Input(
                            found.file(),
                            displayPath(found.file()),
                            inRepository,
                            found.root(),
                            assemblies
                                    .computeIfAbsent(
                                            file.getParent(),
                                            folder -> CdkMetadata.read(folder, manifests))
                                    .stack(file)
                                    .orElse(null)));
        }
        for (CdkMetadata assembly : assemblies.values()) {
            for (CdkMetadata.Problem problem : assembly.problems()) {
                // Its CFS001 says "exclude it": excluded, the metadata still gives what it can.
                String inRepository = relativePath(repositoryRoot, problem.file());
                if (options.excludedBy(inRepository).isEmpty()) {
                    outcomes.add(unreadableMetadata(problem, inRepository));
                }
            }
        }
        try (ReadAhead reads = loader.readAhead(included.stream().map(Input::path).toList())) {
            outcomes.addAll(
                    EachInParallel.map(
                            included,
                            input ->
                                    checkSafely(
                                            new Placement(
                                                    input.shown(),
                                                    input.inRepository(),
                                                    input.cdkStack()),
                                            NestedStacks.of(
                                                    loader,
                                                    input.path(),
                                                    input.shown(),
                                                    input.root()),
                                            () ->
                                                    loader.load(
                                                            input.path(), input.shown(), reads))));
        }
        return result(outcomes, excluded);
    }

    /**
     * A CFS001 on a cloud assembly's metadata that could not be read: the scan of its templates
     * goes on, without the construct paths it would have given.
     */
    private Outcome unreadableMetadata(CdkMetadata.Problem problem, String inRepository) {
        String shown = displayPath(problem.file());
        return check(
                new Document.Unreadable(
                        shown,
                        null,
                        new InputProblem(problem.message(), problem.line(), problem.column())),
                NestedStacks.NONE,
                false,
                new Placement(shown, inRepository, null));
    }

    /**
     * Scans texts that are not files (live mode's deployed templates), each under its display path,
     * through the same loader and limits as standard input, then {@code across} over all the
     * template documents at once (their parsed trees are kept until then); each such rule runs when
     * the scan runs its rule.
     */
    public ScanResult scanTexts(Map<String, String> textsByPath, List<CrossDocumentRule> across) {
        List<CrossDocumentRule> checks = across.stream().filter(c -> options.runs(c.id())).toList();
        List<Outcome> outcomes =
                EachInParallel.map(
                        List.copyOf(textsByPath.entrySet()),
                        e ->
                                checkSafely(
                                        Placement.asShown(e.getKey()),
                                        NestedStacks.NONE,
                                        () ->
                                                loader.load(
                                                        new ByteArrayInputStream(
                                                                e.getValue()
                                                                        .getBytes(
                                                                                StandardCharsets
                                                                                        .UTF_8)),
                                                        e.getKey()),
                                        !checks.isEmpty()));
        return result(checks.isEmpty() ? outcomes : acrossDocuments(outcomes, checks), Map.of());
    }

    /**
     * Runs the cross-document rules and adds each finding to the outcome of the document it is in.
     */
    private List<Outcome> acrossDocuments(List<Outcome> outcomes, List<CrossDocumentRule> checks) {
        Map<String, Outcome> byPath = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            if (o.scope() != null && o.scope().document() instanceof Document.TemplateDocument t) {
                byPath.put(t.path(), o);
            }
        }
        for (CrossDocumentRule check : checks) {
            Map<String, RuleContext> contexts = new LinkedHashMap<>();
            byPath.forEach(
                    (path, o) ->
                            contexts.put(
                                    path, new RuleContext(o.scope(), catalog, options.levels())));
            check.check(contexts);
            // What the check stopped short of: CFS001, as each document's own rules' stops were.
            contexts.values().forEach(RuleContext::reportStops);
            contexts.forEach(
                    (path, context) -> {
                        if (!context.findings().isEmpty()) {
                            Outcome o = byPath.get(path);
                            List<Finding> all = new ArrayList<>(o.findings());
                            all.addAll(
                                    finish(
                                            o.scope().document(),
                                            context.findings(),
                                            Placement.asShown(path)));
                            byPath.put(
                                    path,
                                    new Outcome(
                                            false,
                                            all,
                                            o.scope().document().source().orElse(null),
                                            o.scope(),
                                            o.allowedValues(),
                                            o.notSecrets()));
                        }
                    });
        }
        return outcomes.stream()
                .map(
                        o ->
                                o.scope() == null
                                        ? o
                                        : byPath.getOrDefault(o.scope().document().path(), o)
                                                .withoutScope())
                .toList();
    }

    /** Scans one document that is already in memory (used by tests and integrations). */
    public ScanResult scan(SourceFile source) {
        return result(
                List.of(
                        checkSafely(
                                Placement.asShown(source.path()),
                                NestedStacks.NONE,
                                () -> loader.parse(source))),
                Map.of());
    }

    /**
     * A bug of ours on one file must not stop the scan of the others: it becomes that file's
     * CFS001, naming the exception and where it was thrown — not its message, which may quote the
     * file's text.
     */
    private Outcome checkSafely(
            Placement placement, NestedStacks nestedStacks, Supplier<Document> load) {
        return checkSafely(placement, nestedStacks, load, false);
    }

    /**
     * {@code keepScope}: the outcome keeps the document and its scope for the cross-document rules.
     */
    private Outcome checkSafely(
            Placement placement,
            NestedStacks nestedStacks,
            Supplier<Document> load,
            boolean keepScope) {
        Document document = null;
        try {
            document = load.get();
            return check(document, nestedStacks, keepScope, placement);
        } catch (RuntimeException | StackOverflowError e) {
            StackTraceElement[] trace = e.getStackTrace();
            String where = trace.length == 0 ? "" : " at " + trace[0];
            InputProblem problem =
                    new InputProblem(
                            INTERNAL_ERROR
                                    + " "
                                    + e.getClass().getSimpleName()
                                    + where
                                    + "); please report it",
                            1,
                            1);
            return check(
                    new Document.Unreadable(
                            placement.shown(),
                            document == null ? null : document.source().orElse(null),
                            problem),
                    NestedStacks.NONE,
                    false,
                    placement);
        }
    }

    private Outcome check(
            Document document, NestedStacks nestedStacks, boolean keepScope, Placement placement) {
        List<Finding> findings = new ArrayList<>();
        // One scope per document: its rules share the evaluator and the work several of them need.
        DocumentScope scope =
                new DocumentScope(document, options.ruleSettings(), managedPolicies, nestedStacks);
        for (Rule rule : rules) {
            RuleContext context = new RuleContext(scope, catalog, options.levels());
            if (options.runs(rule.id())) {
                rule.check(context);
            } else {
                checkDisabled(rule, context);
            }
            findings.addAll(context.findings());
        }
        findings = finish(document, findings, placement);
        // Keep only what the report needs, not the parsed tree: large scans stay small in memory.
        return new Outcome(
                document instanceof Document.NotOurs,
                findings,
                findings.isEmpty() ? null : document.source().orElse(null),
                keepScope ? scope : null,
                scope.allowedValues(),
                scope.notSecrets());
    }

    /**
     * A disabled rule runs only to count what disabling it hides; a user may have disabled it
     * because it fails on their templates, so its failure ends its count, not the file's scan.
     */
    private static void checkDisabled(Rule rule, RuleContext context) {
        try {
            rule.check(context);
        } catch (RuntimeException | StackOverflowError e) {
            // counted as far as it got
        }
    }

    /**
     * The findings' repository-relative file, in-template suppressions, the baseline, and one
     * finding per value.
     */
    private List<Finding> finish(Document document, List<Finding> raw, Placement placement) {
        List<Finding> findings =
                raw.stream()
                        .map(
                                f ->
                                        f.file().equals(placement.shown())
                                                ? sourceLines.place(
                                                        placement.place(f), placement.cdkStack())
                                                : f)
                        .toList();
        if (document instanceof Document.TemplateDocument t) {
            findings = InTemplateSuppressions.apply(t.template(), findings);
        }
        findings =
                findings.stream()
                        .map(
                                f ->
                                        !f.isSuppressed()
                                                        && options.baseline()
                                                                .contains(f.fingerprint())
                                                ? f.suppressed(
                                                        new Suppression(
                                                                Suppression.Kind.EXTERNAL,
                                                                BASELINED))
                                                : f)
                        .toList();
        return dedupe(findings);
    }

    /**
     * One value, one finding: a value written once (say in SAM Globals) is reported once per rule.
     */
    private static List<Finding> dedupe(List<Finding> findings) {
        Map<String, Finding> unique = new LinkedHashMap<>();
        for (Finding f : findings) {
            unique.putIfAbsent(f.ruleId() + "\u0000" + f.span() + "\u0000" + f.message(), f);
        }
        return new ArrayList<>(unique.values());
    }

    static boolean isBaselined(Finding finding) {
        return finding.suppression()
                .map(
                        s ->
                                s.kind() == Suppression.Kind.EXTERNAL
                                        && BASELINED.equals(s.justification()))
                .orElse(false);
    }

    /** {@code excluded}: files not scanned, by the exclude glob that matched them first. */
    private ScanResult result(List<Outcome> outcomes, Map<String, Long> excluded) {
        List<Finding> findings = new ArrayList<>();
        Map<String, SourceFile> sources = new HashMap<>();
        int scanned = 0;
        int skipped = 0;
        long allowed = 0;
        List<String> notSecrets = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.skipped()) {
                skipped++;
                continue;
            }
            scanned++;
            allowed += o.allowedValues();
            findings.addAll(o.findings());
            notSecrets.addAll(o.notSecrets());
            if (o.source() != null) {
                sources.put(o.source().path(), o.source());
            }
        }
        findings.sort(
                Comparator.comparing(Finding::file)
                        .thenComparingInt(f -> f.span().startLine())
                        .thenComparingInt(f -> f.span().startColumn())
                        .thenComparing(Finding::ruleId));
        ConfigFilter.Applied applied =
                ConfigFilter.apply(options, catalog, findings, excluded, allowed);
        return new ScanResult(
                applied.findings(),
                sources,
                scanned,
                skipped,
                catalog,
                applied.notices(),
                notSecrets);
    }

    /** Paths under the working directory are shown relative to it, with '/' separators. */
    static String displayPath(Path file) {
        return relativePath(Path.of("").toAbsolutePath(), file);
    }

    /** {@code file} relative to {@code base} when under it, else absolute; '/' separators. */
    private static String relativePath(Path base, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path relative = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return relative.toString().replace('\\', '/');
    }

    /**
     * {@code inRepository}: the path relative to the repository root that excludes match and
     * fingerprints hash (the working directory changes {@code shown}, not it); {@code cdkStack}:
     * the stack whose template it is, when it is a template of a cloud assembly, else null.
     */
    private record Input(
            Path path, String shown, String inRepository, Path root, CdkStack cdkStack) {}

    /**
     * A document's display path, its path relative to the repository root, and the CDK stack whose
     * template it is (null when it was not read from a cloud assembly).
     */
    private record Placement(String shown, String inRepository, CdkStack cdkStack) {
        /** A text that is not a file (standard input, a deployed template): one name for both. */
        static Placement asShown(String name) {
            return new Placement(name, name, null);
        }

        /**
         * A finding of this document, in the repository and in its CDK stack, on the construct path
         * of its element: the one its {@code Metadata["aws:cdk:path"]} gave, else the assembly's.
         */
        Finding place(Finding finding) {
            Finding placed = finding.inRepository(inRepository);
            if (cdkStack == null) {
                return placed;
            }
            String path =
                    finding.cdkPath() != null
                            ? finding.cdkPath()
                            : cdkStack.construct(finding.logicalId())
                                    .map(CdkConstruct::path)
                                    .orElse(null);
            return placed.inCdkStack(cdkStack.name(), path);
        }
    }

    /**
     * What one file contributes to the result; {@code source} only when it has findings (for
     * snippets); {@code scope} only until the cross-document rules have run.
     */
    private record Outcome(
            boolean skipped,
            List<Finding> findings,
            SourceFile source,
            DocumentScope scope,
            int allowedValues,
            List<String> notSecrets) {
        Outcome withoutScope() {
            return new Outcome(skipped, findings, source, null, allowedValues, notSecrets);
        }
    }
}
