package dev.cfnsecrets.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of the walked files a project scans, decided on their path relative to the project's base
 * directory: a file is scanned when an include pattern matches it and no exclude pattern does.
 */
final class FileSelection {
    /**
     * Where a project's templates conventionally live: its top directory (SAM's {@code
     * template.yaml}, a module holding one stack), everything under {@code src/main} ({@code
     * src/main/resources}, {@code src/main/cloudformation}, …) and {@code cdk.out}, CDK's synthesis
     * output. Test trees are left out: their templates are fixtures, often leaking on purpose.
     */
    static final List<String> DEFAULT_INCLUDES =
            List.of("*.yaml", "*.yml", "*.json", "*.template", "src/main/**", "cdk.out/**");

    /** What {@code includeTests} adds to the default includes. */
    static final String TESTS = "src/test/**";

    /** Everything: the includes when the user names the {@code paths} to scan. */
    static final String EVERYTHING = "**";

    private final Path basedir;
    private final List<String> includePatterns;
    private final List<AntPattern> includes;
    private final List<AntPattern> excludes;

    FileSelection(Path basedir, List<String> includes, List<String> excludes) {
        this.basedir = basedir.toAbsolutePath().normalize();
        this.includePatterns = List.copyOf(includes);
        this.includes = compile(includes);
        this.excludes = compile(excludes);
    }

    private static List<AntPattern> compile(List<String> patterns) {
        List<AntPattern> compiled = new ArrayList<>();
        for (String pattern : patterns) {
            if (!pattern.isBlank()) {
                compiled.add(AntPattern.compile(pattern));
            }
        }
        return compiled;
    }

    /**
     * @param file an absolute path (one outside the base directory is matched as {@code ../…})
     */
    boolean selects(Path file) {
        String relative =
                basedir.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        return includes.stream().anyMatch(p -> p.matches(relative))
                && excludes.stream().noneMatch(p -> p.matches(relative));
    }

    /** The include patterns, as the goal's messages name them. */
    @Override
    public String toString() {
        return String.join(", ", includePatterns);
    }
}
