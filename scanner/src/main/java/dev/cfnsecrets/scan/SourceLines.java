package dev.cfnsecrets.scan;

import dev.cfnsecrets.cdk.SourceLocator;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.finding.Location;
import dev.cfnsecrets.source.Limits;
import dev.cfnsecrets.source.Span;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Puts a finding on an element of a CDK app at the line of the user's code that created its
 * construct: the creation stack that the metadata of the template's cloud assembly records for the
 * finding's logical id ({@link CdkMetadata}), taken back to a file of the checkout by {@link
 * SourceLocator}. A finding on a template that is no stack of an assembly, or whose construct has
 * no frame in the checkout, stays where it is. Each assembly's metadata is read once.
 */
final class SourceLines {
    private final SourceLocator locator;
    private final Map<Path, CdkMetadata> assemblies = new HashMap<>();

    /**
     * @param root the checkout, the repository root of the scan: frames are looked for in it only
     */
    SourceLines(Path root, Limits limits) {
        this.locator = new SourceLocator(root, limits);
    }

    Finding place(Finding finding) {
        return source(finding).map(finding::atSource).orElse(finding);
    }

    private Optional<Location> source(Finding finding) {
        if (finding.logicalId() == null) {
            return Optional.empty();
        }
        Path template;
        try {
            template = Path.of(finding.file()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return Optional.empty(); // a name that is no file's (live mode, standard input)
        }
        Path folder = template.getParent();
        if (folder == null) {
            return Optional.empty();
        }
        return assemblies
                .computeIfAbsent(folder, CdkMetadata::read)
                .stack(template)
                .flatMap(stack -> stack.construct(finding.logicalId()))
                .flatMap(
                        construct ->
                                locator.locate(construct.trace())
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
