package dev.cfnsecrets;

import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.config.Config;
import dev.cfnsecrets.config.ConfigLoader;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.report.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The expectations written into {@code fixtures/} (or into a template of a test, see {@link
 * MarkedTemplate}): a YAML fixture marks a line with {@code # expect: CFS101} (a finding must start
 * there) or {@code # ok: CFS101} (a case the rule must leave alone). An expected id may carry a
 * message fragment, {@code # expect: CFS101 "GitHub token"}: the finding's message must contain it.
 * One mark may list several ids, {@code # expect: CFS304, CFS305 "Reader"}; an id listed twice
 * expects two findings. A fixture that cannot hold comments (JSON, binary) has a sibling {@code
 * NAME.expect.yaml} listing {@code {line: N, rule: ID}} (optionally {@code message: FRAGMENT}) and
 * {@code {line: N, ok: ID}} entries.
 */
public final class Fixtures {
    /** A rule id, and maybe a fragment of the message in double quotes. */
    private static final Pattern ITEM = Pattern.compile("([A-Z][A-Z0-9]*)(?:[ \\t]+\"([^\"]+)\")?");

    /**
     * A mark: its kind, its comma-separated items, and a quote after them, which is a malformed
     * fragment.
     */
    private static final Pattern MARK =
            Pattern.compile(
                    "#\\s*(?<kind>expect|ok):[ \\t]*(?<items>"
                            + ITEM
                            + "(?:[ \\t]*,[ \\t]*"
                            + ITEM
                            + ")*)(?<rest>[ \\t]*\"?)");

    private static final Redactor SHOWN = new Redactor(false);

    /** One (file, line, rule) triple; {@code file} is relative to the fixtures root. */
    public record Mark(String file, int line, String rule) implements Comparable<Mark> {
        @Override
        public int compareTo(Mark o) {
            int c = file.compareTo(o.file);
            return c != 0
                    ? c
                    : line != o.line ? Integer.compare(line, o.line) : rule.compareTo(o.rule);
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + rule;
        }
    }

    /** One expected finding: where, and a fragment of its message ({@code ""}: any message). */
    public record Expectation(Mark mark, String fragment) {}

    /** Every expected finding, in file order; {@link #expected} holds their distinct marks. */
    public final List<Expectation> expectations = new ArrayList<>();

    public final TreeSet<Mark> expected = new TreeSet<>();
    public final TreeSet<Mark> ok = new TreeSet<>();

    /**
     * Directories of fixtures that hold their own {@value ConfigLoader#DEFAULT_FILE} (custom rules,
     * say): they are scanned with it, the rest of the fixtures without.
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
        return new ConfigLoader(Catalog.bundled())
                .load(directory.resolve(ConfigLoader.DEFAULT_FILE));
    }

    /** The ids of the custom rules that the fixtures' own configurations define. */
    public static TreeSet<String> customRuleIds(Path root) {
        TreeSet<String> ids = new TreeSet<>();
        configDirectories(root)
                .forEach(dir -> config(dir).customRules().forEach(r -> ids.add(r.id())));
        return ids;
    }

    public static Path root() {
        return Path.of(System.getProperty("cfnsecrets.repo", ".."))
                .resolve("fixtures")
                .toAbsolutePath()
                .normalize();
    }

    /**
     * The folder of the CDK app whose synthesised cloud assemblies are fixtures: generated JSON
     * that cannot carry marks, so {@link #read} leaves it out and {@code CdkAppFixtureTest} states
     * what a scan of each assembly reports.
     */
    public static final String CDK_APP = "cdk-app";

    /** Copies the folder {@code from} (its files and folders) to {@code to}, and returns it. */
    public static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }

    /**
     * Every regular file under {@code root}, sorted, but for the dependencies an {@code npm
     * install} in {@value #CDK_APP} may have left (its synth.sh installs them elsewhere).
     */
    public static List<Path> files(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(
                            f ->
                                    StreamSupport.stream(root.relativize(f).spliterator(), false)
                                            .noneMatch(
                                                    part -> part.toString().equals("node_modules")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code file} (absolute, normalised) is part of the CDK app's fixtures. */
    public static boolean inCdkApp(Path root, Path file) {
        return file.startsWith(root.resolve(CDK_APP));
    }

    public static Fixtures read(Path root) {
        Fixtures fixtures = new Fixtures();
        try {
            for (Path file : files(root)) {
                if (inCdkApp(root, file)) {
                    continue;
                }
                String name = file.getFileName().toString();
                // The expectations of a sibling, and documentation (which shows the marks' syntax).
                if (name.endsWith(".expect.yaml") || name.endsWith(".md")) {
                    continue;
                }
                String relative = root.relativize(file).toString().replace('\\', '/');
                Path sibling =
                        file.resolveSibling(name.replaceFirst("\\.[^.]+$", "") + ".expect.yaml");
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

    /** The marks of one template written in a test, named {@code file}. */
    public static Fixtures ofText(String file, String text) {
        Fixtures fixtures = new Fixtures();
        fixtures.readLines(file, text.lines().toList());
        return fixtures;
    }

    private void readComments(String relative, Path file) throws IOException {
        // Latin-1 reads any bytes, so fixtures with invalid UTF-8 still carry their marks.
        readLines(relative, Files.readAllLines(file, StandardCharsets.ISO_8859_1));
    }

    private void readLines(String relative, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARK.matcher(lines.get(i));
            while (m.find()) {
                boolean expect = m.group("kind").equals("expect");
                if (!m.group("rest").isBlank()) {
                    throw new IllegalArgumentException(
                            relative
                                    + ":"
                                    + (i + 1)
                                    + ": a message fragment is a double-quoted text after a rule id, without a quote in it");
                }
                Matcher item = ITEM.matcher(m.group("items"));
                while (item.find()) {
                    Mark mark = new Mark(relative, i + 1, item.group(1));
                    if (expect) {
                        expect(mark, item.group(2) == null ? "" : item.group(2));
                    } else if (item.group(2) != null) {
                        throw new IllegalArgumentException(
                                relative
                                        + ":"
                                        + (i + 1)
                                        + ": an ok mark takes no message fragment");
                    } else {
                        ok.add(mark);
                    }
                }
            }
        }
    }

    private void expect(Mark mark, String fragment) {
        expectations.add(new Expectation(mark, fragment));
        expected.add(mark);
    }

    private void readSibling(String relative, Path sibling) throws IOException {
        Object loaded =
                new Load(LoadSettings.builder().build()).loadFromString(Files.readString(sibling));
        if (loaded == null) {
            return;
        }
        for (Object item : (List<?>) loaded) {
            Map<?, ?> entry = (Map<?, ?>) item;
            int line = ((Number) entry.get("line")).intValue();
            if (entry.containsKey("rule")) {
                Object fragment = entry.get("message");
                expect(
                        new Mark(relative, line, String.valueOf(entry.get("rule"))),
                        fragment == null ? "" : fragment.toString());
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

    /**
     * Adds a finding to what a scan reported: its message at the mark of its first line in {@code
     * file}. The message is kept as reports show it, secrets masked: fragments are matched, and
     * failures printed, without the secret.
     */
    public static void record(Map<Mark, List<String>> reported, String file, Finding finding) {
        reported.computeIfAbsent(
                        new Mark(file, finding.span().startLine(), finding.ruleId()),
                        m -> new ArrayList<>())
                .add(SHOWN.clean(finding.message(), finding.secrets()));
    }

    /** Expected findings that were not reported, each as often as it is expected. */
    public List<String> missing(Map<Mark, List<String>> reported) {
        List<String> out = new ArrayList<>();
        expectedCounts()
                .forEach(
                        (mark, expected) -> {
                            int found = reported.getOrDefault(mark, List.of()).size();
                            if (found < expected) {
                                out.add(
                                        mark
                                                + (found == 0
                                                        ? ""
                                                        : " ("
                                                                + expected
                                                                + " expected, "
                                                                + found
                                                                + " reported)"));
                            }
                        });
        return out;
    }

    /** Reported findings that no mark expects, or more of them than the marks expect. */
    public List<String> unexpected(Map<Mark, List<String>> reported) {
        TreeMap<Mark, Integer> expected = expectedCounts();
        List<String> out = new ArrayList<>();
        reported.forEach(
                (mark, messages) -> {
                    int wanted = expected.getOrDefault(mark, 0);
                    if (messages.size() > wanted) {
                        out.add(
                                mark
                                        + (wanted == 0
                                                ? ""
                                                : " ("
                                                        + wanted
                                                        + " expected, "
                                                        + messages.size()
                                                        + " reported)"));
                    }
                });
        return out;
    }

    /** Reported findings on lines marked ok for their rule. */
    public List<String> reportedOk(Map<Mark, List<String>> reported) {
        return ok.stream().filter(reported::containsKey).map(Mark::toString).toList();
    }

    /** Expected fragments that no message of the findings reported at their mark contains. */
    public List<String> wrongMessages(Map<Mark, List<String>> reported) {
        List<String> out = new ArrayList<>();
        for (Expectation e : expectations) {
            List<String> messages = reported.getOrDefault(e.mark(), List.of());
            if (!messages.isEmpty() && messages.stream().noneMatch(m -> m.contains(e.fragment()))) {
                out.add(
                        e.mark()
                                + ": no message contains \""
                                + e.fragment()
                                + "\"; reported: "
                                + messages);
            }
        }
        return out;
    }

    private TreeMap<Mark, Integer> expectedCounts() {
        TreeMap<Mark, Integer> counts = new TreeMap<>();
        expectations.forEach(e -> counts.merge(e.mark(), 1, Integer::sum));
        return counts;
    }
}
