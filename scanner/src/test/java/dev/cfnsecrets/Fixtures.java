package dev.cfnsecrets;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.config.Config;
import dev.cfnsecrets.config.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The expectations written into {@code fixtures/}: a YAML fixture marks a line with
 * {@code # expect: CFS101} (a finding must start there) or {@code # ok: CFS101} (a case the rule
 * must leave alone). A fixture that cannot hold comments (JSON, binary) has a sibling
 * {@code NAME.expect.yaml} listing {@code {line: N, rule: ID}} and {@code {line: N, ok: ID}} entries.
 */
public final class Fixtures {
    private static final Pattern MARK = Pattern.compile("#\\s*(expect|ok):\\s*([A-Z0-9, ]+)");

    /** One (file, line, rule) triple; {@code file} is relative to the fixtures root. */
    public record Mark(String file, int line, String rule) implements Comparable<Mark> {
        @Override
        public int compareTo(Mark o) {
            int c = file.compareTo(o.file);
            return c != 0 ? c : line != o.line ? Integer.compare(line, o.line) : rule.compareTo(o.rule);
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + rule;
        }
    }

    public final TreeSet<Mark> expected = new TreeSet<>();
    public final TreeSet<Mark> ok = new TreeSet<>();

    /**
     * Directories of fixtures that hold their own {@value ConfigLoader#DEFAULT_FILE} (custom rules, say):
     * they are scanned with it, the rest of the fixtures without.
     */
    public static List<Path> configDirectories(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().equals(ConfigLoader.DEFAULT_FILE))
                    .map(Path::getParent)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configuration of a directory from {@link #configDirectories}. */
    public static Config config(Path directory) {
        return new ConfigLoader(Catalog.bundled()).load(directory.resolve(ConfigLoader.DEFAULT_FILE));
    }

    /** The ids of the custom rules that the fixtures' own configurations define. */
    public static TreeSet<String> customRuleIds(Path root) {
        TreeSet<String> ids = new TreeSet<>();
        configDirectories(root).forEach(dir -> config(dir).customRules().forEach(r -> ids.add(r.id())));
        return ids;
    }

    public static Path root() {
        return Path.of(System.getProperty("cfnsecrets.repo", "..")).resolve("fixtures").toAbsolutePath().normalize();
    }

    public static Fixtures read(Path root) {
        Fixtures fixtures = new Fixtures();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".expect.yaml")) {
                    continue;
                }
                String relative = root.relativize(file).toString().replace('\\', '/');
                Path sibling = file.resolveSibling(name.replaceFirst("\\.[^.]+$", "") + ".expect.yaml");
                if (Files.exists(sibling)) {
                    fixtures.readSibling(relative, sibling);
                } else {
                    fixtures.readComments(relative, file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fixtures;
    }

    private void readComments(String relative, Path file) throws IOException {
        // Latin-1 reads any bytes, so fixtures with invalid UTF-8 still carry their marks.
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARK.matcher(lines.get(i));
            while (m.find()) {
                for (String rule : m.group(2).split("[,\\s]+")) {
                    if (!rule.isBlank()) {
                        (m.group(1).equals("expect") ? expected : ok).add(new Mark(relative, i + 1, rule.trim()));
                    }
                }
            }
        }
    }

    private void readSibling(String relative, Path sibling) throws IOException {
        Object loaded = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(sibling));
        if (loaded == null) {
            return;
        }
        for (Object item : (List<?>) loaded) {
            Map<?, ?> entry = (Map<?, ?>) item;
            int line = ((Number) entry.get("line")).intValue();
            if (entry.containsKey("rule")) {
                expected.add(new Mark(relative, line, String.valueOf(entry.get("rule"))));
            }
            if (entry.containsKey("ok")) {
                ok.add(new Mark(relative, line, String.valueOf(entry.get("ok"))));
            }
        }
    }

    /** Rules with at least one expected finding, and rules with at least one ok case. */
    public TreeSet<String> rulesCaught() {
        return rules(expected);
    }

    public TreeSet<String> rulesLeftAlone() {
        return rules(ok);
    }

    private static TreeSet<String> rules(TreeSet<Mark> marks) {
        TreeSet<String> rules = new TreeSet<>();
        marks.forEach(m -> rules.add(m.rule()));
        return rules;
    }

    static List<String> describe(Iterable<Mark> marks) {
        List<String> out = new ArrayList<>();
        marks.forEach(m -> out.add(m.toString()));
        return out;
    }
}
