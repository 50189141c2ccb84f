package dev.cfnsecrets.scan;

import dev.cfnsecrets.cdk.SourceLocator;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Location;
import dev.cfnsecrets.source.Limits;
import dev.cfnsecrets.source.Span;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Puts a finding on an element of a CDK app at the line of the user's code that created its
 * construct: the creation stack that its stack's metadata records for the finding's logical id
 * ({@link CdkStack}), taken back to a file of the checkout by {@link SourceLocator}. A finding on
 * no element, in a template that is no stack of an assembly, or whose construct has no frame in the
 * checkout, stays where it is. Safe to use from the threads that scan files.
 */
final class SourceLines {
    private static final String CDK_JSON = "cdk.json";

    private final Path root;
    private final SourceLocator locator;

    /**
     * @param root the checkout, the repository root of the scan: frames are looked for in it only
     */
    SourceLines(Path root, Limits limits) {
        this.root = root;
        this.locator = new SourceLocator(root, limits);
    }

    /**
     * The folder the app ran in, which a relative frame (Python's) is relative to: the nearest
     * folder above the template, inside the checkout, that holds the app's {@code cdk.json} (the
     * CDK CLI runs the app there, and writes {@code cdk.out} there by default); null if none.
     */
    private Path appFolder(String template) {
        Path folder;
        try {
            folder = Path.of(template).toAbsolutePath().normalize().getParent();
        } catch (InvalidPathException e) {
            return null;
        }
        for (; folder != null && folder.startsWith(root); folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve(CDK_JSON), LinkOption.NOFOLLOW_LINKS)) {
                return folder;
            }
        }
        return null;
    }

    /** {@code finding}, a finding of the template of {@code stack} (null: none), placed. */
    Finding place(Finding finding, CdkStack stack) {
        return stack == null
                ? finding
                : source(finding, stack).map(finding::atSource).orElse(finding);
    }

    private Optional<Location> source(Finding finding, CdkStack stack) {
        return stack.construct(finding.logicalId())
                .flatMap(
                        construct ->
                                locator.locate(construct.trace(), appFolder(finding.file()))
                                        .map(
                                                line ->
                                                        new Location(
                                                                Scanner.displayPath(line.file()),
                                                                Span.point(
                                                                        line.line(), line.column()),
                                                                "where "
                                                                        + construct.path()
                                                                        + " is created")));
    }
}
