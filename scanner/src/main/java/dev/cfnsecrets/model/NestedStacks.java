package dev.cfnsecrets.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The child templates of a template's nested stacks ({@code AWS::CloudFormation::Stack} {@code
 * TemplateURL}, {@code AWS::Serverless::Application} {@code Location}) that are local files, or
 * that the CDK's asset metadata names in a cloud assembly. A child is loaded, with the scan's own
 * loader and limits, only when its real path (symlinks followed) lies inside the scanned root, at
 * most {@link #MAX_DEPTH} levels below the scanned file and never twice on one chain, so that a
 * parent ↔ child cycle ends. A URL, an S3 or SAR location, a missing or unparsable child is simply
 * not followed: a child that is scanned itself gets its own CFS001. Each child file is read once
 * per scanned file, however many stacks name it. Not thread-safe: it serves the rules of one
 * document, which run one after the other.
 */
public final class NestedStacks {
    /** For what has no place on disk (standard input, live mode's texts): nothing is followed. */
    public static final NestedStacks NONE =
            new NestedStacks(null, null, null, null, Set.of(), Map.of());

    static final int MAX_DEPTH = 3;
    private static final String STACK = "AWS::CloudFormation::Stack";
    private static final String APPLICATION = "AWS::Serverless::Application";

    /** {@code https://…}, {@code s3://…} and any other scheme: not a local file. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private final DocumentLoader loader;
    private final Path file;
    private final String shown;
    private final Path root;

    /** The real paths of the scanned file and of the children on the way down to this one. */
    private final Set<Path> chain;

    /** The children read so far below the scanned file, by real path (empty: not a template). */
    private final Map<Path, Optional<Template>> loaded;

    private NestedStacks(
            DocumentLoader loader,
            Path file,
            String shown,
            Path root,
            Set<Path> chain,
            Map<Path, Optional<Template>> loaded) {
        this.loader = loader;
        this.file = file;
        this.shown = shown;
        this.root = root;
        this.chain = chain;
        this.loaded = loaded;
    }

    /**
     * For {@code file}, shown as {@code shown}, scanned under {@code root}: the directory given on
     * the command line, or the file's own directory when the file itself was given.
     */
    public static NestedStacks of(DocumentLoader loader, Path file, String shown, Path root) {
        try {
            Path real = file.toRealPath();
            return new NestedStacks(
                    loader, real, shown, root.toRealPath(), Set.of(real), new HashMap<>());
        } catch (IOException e) {
            return NONE;
        }
    }

    /** A child template of a nested stack, and the nested stacks of that child in turn. */
    public record Child(Template template, NestedStacks nested) {}

    /**
     * The child template that {@code resource} names, when it is a local template this scan may
     * follow.
     */
    public Optional<Child> child(Resource resource) {
        if (loader == null || chain.size() > MAX_DEPTH) {
            return Optional.empty();
        }
        Optional<String> location = localPath(resource);
        if (location.isEmpty()) {
            return Optional.empty();
        }
        Path real;
        try {
            real = file.resolveSibling(location.get()).toRealPath();
        } catch (IOException | RuntimeException e) {
            // Missing, unreadable, or not a valid path on this system: not followed.
            return Optional.empty();
        }
        if (!real.startsWith(root) || chain.contains(real) || !Files.isRegularFile(real)) {
            return Optional.empty();
        }
        String childShown = shownSibling(shown, location.get());
        Optional<Template> template =
                loaded.computeIfAbsent(
                        real,
                        path ->
                                loader.load(path, childShown) instanceof Document.TemplateDocument t
                                        ? Optional.of(t.template())
                                        : Optional.empty());
        if (template.isEmpty()) {
            return Optional.empty();
        }
        Set<Path> longer = new HashSet<>(chain);
        longer.add(real);
        NestedStacks below =
                new NestedStacks(
                        loader,
                        real,
                        template.get().source().path(),
                        root,
                        Set.copyOf(longer),
                        loaded);
        return Optional.of(new Child(template.get(), below));
    }

    /**
     * The shown path of {@code location} next to the file shown as {@code shown}, worked out on the
     * text: a shown path may hold replacement characters that the platform charset cannot turn back
     * into a {@link Path} (a non-ASCII directory name under {@code LC_ALL=C}).
     */
    static String shownSibling(String shown, String location) {
        Deque<String> segments = new ArrayDeque<>();
        String joined =
                shown.substring(0, shown.lastIndexOf('/') + 1) + location.replace('\\', '/');
        for (String segment : joined.split("/", -1)) {
            String last = segments.peekLast();
            boolean up = segment.equals("..") && last != null && !last.equals("..");
            if (up && !last.isEmpty()) {
                segments.removeLast();
            } else if (!up && !segment.equals(".") && !(segment.isEmpty() && last != null)) {
                // An empty first segment is the root of an absolute path; ".." above the root stays
                // there.
                segments.addLast(segment);
            }
        }
        return String.join("/", segments);
    }

    /** Whether {@code resource} is a nested stack, whatever its template's location. */
    public static boolean isNestedStack(Resource resource) {
        return resource.type().equals(STACK) || resource.type().equals(APPLICATION);
    }

    /** The location of a nested stack's template, when it is written as a plain local path. */
    private static Optional<String> localPath(Resource resource) {
        if (!isNestedStack(resource)) {
            return Optional.empty();
        }
        String key = resource.type().equals(STACK) ? "TemplateURL" : "Location";
        // A Location map is a Serverless Application Repository application; an intrinsic is
        // unknown here, unless the CDK says which file of the cloud assembly it uploads there.
        return resource.properties()
                .getString(key)
                .or(() -> cdkAssetPath(resource, key))
                .map(String::strip)
                .filter(s -> !s.isEmpty() && !SCHEME.matcher(s).find());
    }

    /**
     * The file the CDK uploads to {@code property} ({@code Metadata["aws:asset:path"]} when {@code
     * Metadata["aws:asset:property"]} names it; on by default, {@code cdk synth
     * --no-asset-metadata} leaves it out): a nested stack's template, beside its parent's in the
     * cloud assembly.
     */
    private static Optional<String> cdkAssetPath(Resource resource, String property) {
        return resource.metadata()
                .filter(m -> m.getString("aws:asset:property").filter(property::equals).isPresent())
                .flatMap(m -> m.getString("aws:asset:path"));
    }
}
