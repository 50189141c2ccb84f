package dev.cfnsecrets.scan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cfnsecrets.source.Limits;
import dev.cfnsecrets.source.RegularFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the metadata of a CDK cloud assembly says of its stack templates: each stack's name, and for
 * each element of a template (logical id) its construct path and creation stack. A stack artifact
 * of the manifest carries it inline ({@code metadata}) or in the file it names ({@code
 * additionalMetadataFile}, {@code *.metadata.json}), as lists of entries by construct path: {@code
 * aws:cdk:logicalId} gives the logical id of the element at that path, {@code
 * aws:cdk:creationStack} (or an entry's {@code trace}) the frames that created it, and {@code
 * aws:cdk:templateFile} the template of the (nested) stack at that path. A nested stack's elements
 * are listed in its parent's metadata, under the nested stack's path.
 *
 * <p>The manifest and the metadata are read like the assembly's other files: only inside its
 * folder, no symbolic link, within the size and nesting limits. Metadata that cannot be read is a
 * {@link Problem} naming its file, and its stack simply has no construct paths.
 */
public final class CdkMetadata {
    private static final String LOGICAL_ID = "aws:cdk:logicalId";
    private static final String CREATION_STACK = "aws:cdk:creationStack";
    private static final String TEMPLATE_FILE = "aws:cdk:templateFile";

    /** What metadata that is not read costs: the scan goes on without it. */
    private static final String NO_PATHS =
            "; the findings of its stacks have no construct path from it";

    /** An assembly with no stacks: what a folder that holds none has. */
    public static final CdkMetadata NONE = new CdkMetadata(Map.of(), List.of());

    private final Map<Path, CdkStack> byTemplate;
    private final List<Problem> problems;

    private CdkMetadata(Map<Path, CdkStack> byTemplate, List<Problem> problems) {
        this.byTemplate = Map.copyOf(byTemplate);
        this.problems = List.copyOf(problems);
    }

    /**
     * Why the metadata in {@code file} (the manifest or a {@code *.metadata.json}) was not read,
     * and where in it.
     */
    public record Problem(Path file, String message, int line, int column) {}

    /**
     * The stacks of the cloud assembly whose manifest is in {@code dir} — not those of its nested
     * assemblies, which have their own folder and manifest — or {@link #NONE} when {@code dir}
     * holds none.
     */
    public static CdkMetadata read(Path dir) {
        return read(dir, new CloudAssembly.Manifests());
    }

    /** {@link #read(Path)}, with the manifest taken from those the scan has read already. */
    static CdkMetadata read(Path dir, CloudAssembly.Manifests manifests) {
        Path base = dir.toAbsolutePath().normalize();
        Optional<Map<String, JsonNode>> artifacts = manifests.artifacts(base);
        if (artifacts.isEmpty()) {
            return NONE;
        }
        Map<Path, CdkStack> stacks = new HashMap<>();
        Reading reading = new Reading(new ArrayList<>(), new HashSet<>());
        artifacts
                .get()
                .forEach(
                        (id, artifact) -> {
                            if (CloudAssembly.STACK.equals(artifact.path("type").asText())) {
                                new StackReader(base, id, artifact, reading).read(stacks);
                            }
                        });
        return new CdkMetadata(stacks, reading.problems());
    }

    /** The stack whose template is {@code template}, if the assembly names it. */
    public Optional<CdkStack> stack(Path template) {
        return Optional.ofNullable(byTemplate.get(template.toAbsolutePath().normalize()));
    }

    /** Metadata that could not be read, in the order of the manifest. */
    public List<Problem> problems() {
        return problems;
    }

    /** Whether the construct path {@code path} lies under {@code parent}. */
    private static boolean isUnder(String path, String parent) {
        return path.length() > parent.length()
                && path.charAt(parent.length()) == '/'
                && path.startsWith(parent);
    }

    /** Construct paths in the order of a walk of their tree: '/' before any other character. */
    private static int treeOrder(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        for (int i = 0; i < shorter; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return x == '/' ? -1 : y == '/' ? 1 : Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /**
     * What the reading of one assembly's stacks gathers: the problems, and the metadata files read
     * so far (the CDK writes one per stack, and a manifest whose stacks all named one large file
     * would have it read again for each).
     */
    private record Reading(List<Problem> problems, Set<Path> filesRead) {}

    /** Reads the metadata of one stack artifact. */
    private static final class StackReader {
        private final Path dir;
        private final String id;
        private final JsonNode artifact;
        private final Reading reading;

        /** The entries of the stack's metadata, by construct path (with its leading '/'). */
        private final Map<String, List<JsonNode>> entries = new LinkedHashMap<>();

        StackReader(Path dir, String id, JsonNode artifact, Reading reading) {
            this.dir = dir;
            this.id = id;
            this.artifact = artifact;
            this.reading = reading;
        }

        void read(Map<Path, CdkStack> stacks) {
            Optional<Path> template =
                    CloudAssembly.inside(
                            dir, artifact.path("properties").path("templateFile").asText());
            if (template.isEmpty()) {
                return;
            }
            if (artifact.has("metadata")) {
                add(dir.resolve(CloudAssembly.MANIFEST), artifact.get("metadata"));
            }
            CloudAssembly.inside(dir, artifact.path("additionalMetadataFile").asText())
                    .ifPresent(this::readFile);

            String templateName = dir.relativize(template.get()).toString().replace('\\', '/');
            String stackPath = templateOwner(templateName).orElse("/" + name());
            Map<String, Path> templates = nestedTemplates(templateName);
            templates.put(stackPath, template.get());
            Map<String, Map<String, CdkConstruct>> elements = new HashMap<>();
            templates.keySet().forEach(path -> elements.put(path, new HashMap<>()));
            Map<String, String> owners = owners(templates.keySet(), stackPath);
            for (Map.Entry<String, List<JsonNode>> e : entries.entrySet()) {
                Optional<String> logicalId = logicalId(e.getValue());
                if (logicalId.isPresent()) {
                    elements.get(owners.get(e.getKey()))
                            .put(
                                    logicalId.get(),
                                    new CdkConstruct(e.getKey().substring(1), trace(e.getValue())));
                }
            }
            templates.forEach(
                    (path, file) ->
                            stacks.put(
                                    file,
                                    new CdkStack(nestedName(path, stackPath), elements.get(path))));
        }

        /** The templates of the nested stacks, by their construct paths. */
        private Map<String, Path> nestedTemplates(String templateName) {
            Map<String, Path> nested = new HashMap<>();
            entries.forEach(
                    (path, list) ->
                            list.stream()
                                    .filter(e -> TEMPLATE_FILE.equals(e.path("type").asText()))
                                    .map(e -> e.path("data").asText())
                                    .filter(name -> !name.equals(templateName))
                                    .forEach(
                                            name ->
                                                    CloudAssembly.inside(dir, name)
                                                            .ifPresent(t -> nested.put(path, t))));
            return nested;
        }

        /** The stack's name: its display name, else the artifact's id (older manifests). */
        private String name() {
            String shown = artifact.path("displayName").asText();
            return shown.isEmpty() ? id : shown;
        }

        /** The name of the stack at {@code path}: the stack's, with a nested stack's path below. */
        private String nestedName(String path, String stackPath) {
            if (path.equals(stackPath)) {
                return name();
            }
            return path.startsWith(stackPath + "/")
                    ? name() + path.substring(stackPath.length())
                    : path.substring(1);
        }

        /** The construct path whose entry names the template {@code name}. */
        private Optional<String> templateOwner(String name) {
            return entries.entrySet().stream()
                    .filter(
                            e ->
                                    e.getValue().stream()
                                            .anyMatch(
                                                    entry ->
                                                            TEMPLATE_FILE.equals(
                                                                            entry.path("type")
                                                                                    .asText())
                                                                    && name.equals(
                                                                            entry.path("data")
                                                                                    .asText())))
                    .map(Map.Entry::getKey)
                    .findFirst();
        }

        /**
         * The stack each construct path of the metadata is in: the innermost of {@code stacks}
         * (construct paths of the stack and its nested stacks) it lies under, else {@code
         * stackPath}. In tree order, where the paths under a path follow it, the stacks above a
         * path are those open on a stack: linear in the size of the metadata however many nested
         * stacks a hostile file declares.
         */
        private Map<String, String> owners(Set<String> stacks, String stackPath) {
            List<String> inTreeOrder =
                    entries.keySet().stream().sorted(CdkMetadata::treeOrder).toList();
            Map<String, String> owners = new HashMap<>();
            Deque<String> open = new ArrayDeque<>();
            for (String path : inTreeOrder) {
                while (!open.isEmpty() && !isUnder(path, open.peek())) {
                    open.pop();
                }
                owners.put(path, open.isEmpty() ? stackPath : open.peek());
                if (stacks.contains(path)) {
                    open.push(path);
                }
            }
            return owners;
        }

        private static Optional<String> logicalId(List<JsonNode> list) {
            return list.stream()
                    .filter(e -> LOGICAL_ID.equals(e.path("type").asText()))
                    .map(e -> e.path("data"))
                    .filter(JsonNode::isTextual)
                    .map(JsonNode::asText)
                    .findFirst();
        }

        /**
         * The creation stack of the element: the {@code trace} of its logical id entry, else its
         * {@code aws:cdk:creationStack} entry.
         */
        private static List<String> trace(List<JsonNode> list) {
            for (JsonNode entry : list) {
                if (LOGICAL_ID.equals(entry.path("type").asText()) && entry.has("trace")) {
                    List<String> frames = strings(entry.get("trace"));
                    if (!frames.isEmpty()) {
                        return frames;
                    }
                }
            }
            return list.stream()
                    .filter(e -> CREATION_STACK.equals(e.path("type").asText()))
                    .map(e -> strings(e.path("data")))
                    .findFirst()
                    .orElse(List.of());
        }

        private static List<String> strings(JsonNode array) {
            List<String> strings = new ArrayList<>();
            array.forEach(
                    s -> {
                        if (s.isTextual()) {
                            strings.add(s.asText());
                        }
                    });
            return strings;
        }

        private void readFile(Path file) {
            if (!reading.filesRead().add(file)) {
                reading.problems()
                        .add(
                                new Problem(
                                        file,
                                        "named by more than one stack; it was read for the first only",
                                        1,
                                        1));
                return;
            }
            if (Files.isSymbolicLink(file)) {
                reading.problems()
                        .add(
                                new Problem(
                                        file,
                                        "a symbolic link, which is not followed" + NO_PATHS,
                                        1,
                                        1));
                return;
            }
            try {
                add(
                        file,
                        CloudAssembly.json()
                                .readTree(
                                        RegularFiles.DEFAULT.read(
                                                file, Limits.DEFAULT.maxFileBytes())));
            } catch (JsonProcessingException e) {
                // Jackson's message may quote the file's text: only where it stopped is told.
                JsonLocation at = e.getLocation();
                reading.problems()
                        .add(
                                new Problem(
                                        file,
                                        "not valid JSON, or nested too deeply" + NO_PATHS,
                                        at == null ? 1 : at.getLineNr(),
                                        at == null ? 1 : at.getColumnNr()));
            } catch (RegularFiles.Refused e) {
                reading.problems().add(new Problem(file, e.getMessage() + NO_PATHS, 1, 1));
            } catch (IOException e) {
                reading.problems().add(new Problem(file, "it cannot be read" + NO_PATHS, 1, 1));
            }
        }

        /** Adds the entries of {@code metadata}, an object of lists of entries by path. */
        private void add(Path file, JsonNode metadata) {
            if (metadata == null || !metadata.isObject()) {
                reading.problems()
                        .add(
                                new Problem(
                                        file,
                                        "not CDK metadata (lists of entries by construct path)"
                                                + NO_PATHS,
                                        1,
                                        1));
                return;
            }
            boolean malformed = false;
            for (Map.Entry<String, JsonNode> e : metadata.properties()) {
                if (e.getKey().length() < 2
                        || !e.getKey().startsWith("/")
                        || !e.getValue().isArray()) {
                    malformed = true;
                    continue;
                }
                List<JsonNode> list = entries.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                e.getValue().forEach(list::add);
            }
            if (malformed) {
                reading.problems()
                        .add(
                                new Problem(
                                        file,
                                        "some of it is not a construct path with a list of entries;"
                                                + " that part was skipped",
                                        1,
                                        1));
            }
        }
    }
}
