package dev.cfnsecrets.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.source.Limits;
import dev.cfnsecrets.source.RegularFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A CDK cloud assembly ({@code cdk.out}): a folder whose {@code manifest.json} lists stacks ({@code
 * aws:cloudformation:stack} artifacts) or nested assemblies ({@code cdk:cloud-assembly}, one {@code
 * assembly-*} folder per {@code Stage}). Its templates are the ones the manifest lists, those of
 * its nested assemblies, and the templates of nested stacks beside them ({@code
 * *.nested.template.json}, which the manifest lists only as assets). Nothing else in it is a
 * template: asset folders, asset manifests, {@code tree.json}, {@code *.metadata.json} and {@code
 * validation-report.json} are never read as templates, so they never give CFS001 as such (the
 * stacks' metadata is read by {@link CdkMetadata}, for the findings' construct paths).
 *
 * <p>A listed file that would lie outside the assembly's folder is not followed, nor a symbolic
 * link (a directory walk does not follow them either). A listed template that is missing is kept:
 * reading it says so (CFS001).
 */
final class CloudAssembly {
    static final String MANIFEST = "manifest.json";
    static final String STACK = "aws:cloudformation:stack";
    private static final String NESTED_ASSEMBLY = "cdk:cloud-assembly";
    private static final String NESTED_STACK_TEMPLATE = ".nested.template.json";

    private CloudAssembly() {}

    /**
     * The reader of the manifest and the metadata: within the nesting limit of templates. Built
     * when a folder first holds a manifest, so a walk of a tree without one never builds it.
     */
    static ObjectMapper json() {
        return Json.MAPPER;
    }

    private static final class Json {
        static final ObjectMapper MAPPER =
                new ObjectMapper(
                        JsonFactory.builder()
                                .streamReadConstraints(
                                        StreamReadConstraints.builder()
                                                .maxNestingDepth(Limits.DEFAULT.maxDepth())
                                                .build())
                                .build());
    }

    /**
     * The manifests one scan has read, by folder: the walk reads a manifest to list the assembly's
     * templates, the metadata to name their stacks, and each is parsed once for both. Not
     * thread-safe: the walk and the metadata are read on the scan's own thread.
     */
    static final class Manifests {
        private final Map<Path, Optional<Map<String, JsonNode>>> byFolder = new HashMap<>();

        /** {@link CloudAssembly#artifacts} of {@code dir}, read the first time it is asked. */
        Optional<Map<String, JsonNode>> artifacts(Path dir) {
            return byFolder.computeIfAbsent(
                    dir.toAbsolutePath().normalize(), CloudAssembly::artifacts);
        }
    }

    /**
     * The templates of the assembly in {@code dir}, sorted; empty when {@code dir} holds no
     * manifest of a cloud assembly (none, unreadable, or listing neither stacks nor assemblies), so
     * that the folder is walked like any other.
     */
    static Optional<List<Path>> templates(Path dir, Manifests manifests) {
        Optional<Map<String, JsonNode>> artifacts = manifests.artifacts(dir);
        if (artifacts.isEmpty()) {
            return Optional.empty();
        }
        List<Path> found = new ArrayList<>();
        collect(dir, artifacts.get(), manifests, found);
        return Optional.of(found.stream().sorted().toList());
    }

    private static void collect(
            Path dir, Map<String, JsonNode> artifacts, Manifests manifests, List<Path> found) {
        for (JsonNode artifact : artifacts.values()) {
            String type = artifact.path("type").asText();
            JsonNode properties = artifact.path("properties");
            if (STACK.equals(type)) {
                inside(dir, properties.path("templateFile").asText())
                        .filter(file -> !Files.isSymbolicLink(file))
                        .ifPresent(found::add);
            } else if (NESTED_ASSEMBLY.equals(type)) {
                inside(dir, properties.path("directoryName").asText())
                        .filter(nested -> reallyBelow(dir, nested))
                        .ifPresent(
                                nested ->
                                        manifests
                                                .artifacts(nested)
                                                .ifPresent(
                                                        listed ->
                                                                collect(
                                                                        nested, listed, manifests,
                                                                        found)));
            }
        }
        found.addAll(nestedStackTemplates(dir));
    }

    /**
     * Whether the folder {@code nested} is, links resolved, strictly below {@code dir}: so that no
     * link leads out of the assembly or back up into it (which would never end).
     */
    private static boolean reallyBelow(Path dir, Path nested) {
        try {
            Path real = nested.toRealPath();
            Path base = dir.toRealPath();
            return real.startsWith(base) && !real.equals(base);
        } catch (IOException e) {
            return false;
        }
    }

    /** The artifacts of the manifest in {@code dir}, if it is the manifest of a cloud assembly. */
    static Optional<Map<String, JsonNode>> artifacts(Path dir) {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        JsonNode artifacts;
        try {
            artifacts =
                    json().readTree(
                                    RegularFiles.DEFAULT.read(
                                            manifest, Limits.DEFAULT.maxFileBytes()))
                            .path("artifacts");
        } catch (IOException | RuntimeException e) {
            // Not a manifest we can read: the folder is walked as before, the file scanned (and
            // reported) like any other.
            return Optional.empty();
        }
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        artifacts.properties().forEach(e -> byId.put(e.getKey(), e.getValue()));
        boolean assembly =
                byId.values().stream()
                        .map(a -> a.path("type").asText())
                        .anyMatch(t -> STACK.equals(t) || NESTED_ASSEMBLY.equals(t));
        return assembly ? Optional.of(byId) : Optional.empty();
    }

    /** {@code name} resolved in {@code dir}, if it is a name that stays inside {@code dir}. */
    static Optional<Path> inside(Path dir, String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Path base = dir.normalize();
        Path file = base.resolve(name).normalize();
        return file.startsWith(base) && !file.equals(base) ? Optional.of(file) : Optional.empty();
    }

    private static List<Path> nestedStackTemplates(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = new ArrayList<>();
            files.filter(f -> f.getFileName().toString().endsWith(NESTED_STACK_TEMPLATE))
                    .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .forEach(found::add);
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
