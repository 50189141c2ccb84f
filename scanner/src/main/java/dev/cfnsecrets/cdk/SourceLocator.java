package dev.cfnsecrets.cdk;

import dev.cfnsecrets.source.Limits;
import dev.cfnsecrets.source.RegularFiles;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The line of the user's code that created a construct: the first frame of its creation stack
 * ({@code aws:cdk:creationStack}) that is the user's code ({@link StackFrame}) and names a file of
 * the scanned checkout ({@link CheckoutFiles}). A frame of compiled JavaScript with a source map
 * beside it ({@code api-stack.js.map}, in the checkout) is taken back to the original, TypeScript
 * say, when the original is in the checkout too. Only the first {@link #MAX_FRAMES} frames are
 * read.
 */
public final class SourceLocator {
    static final int MAX_FRAMES = 64;

    private static final List<String> GENERATED_JAVASCRIPT = List.of(".js", ".mjs", ".cjs");

    /** A line of a file of the checkout (absolute); 1-based. */
    public record SourceLine(Path file, int line, int column) {}

    private final CheckoutFiles checkout;
    private final long maxMapBytes;

    /**
     * @param root the checkout: the repository root of the scan
     * @param limits the largest source map read is the largest template
     */
    public SourceLocator(Path root, Limits limits) {
        this.checkout = new CheckoutFiles(root);
        this.maxMapBytes = limits.maxFileBytes();
    }

    /**
     * The user's line that {@code creationStack} (its frames, as written) starts from, a relative
     * frame being taken in {@code appFolder}, the folder the app ran in (null: unknown), first.
     */
    public Optional<SourceLine> locate(List<String> creationStack, Path appFolder) {
        return creationStack.stream()
                .limit(MAX_FRAMES)
                .map(StackFrame::parse)
                .flatMap(Optional::stream)
                .map(frame -> inCheckout(frame, appFolder))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private Optional<SourceLine> inCheckout(StackFrame frame, Path appFolder) {
        return checkout.find(frame.file(), appFolder)
                .map(
                        file -> {
                            SourceLine generated =
                                    new SourceLine(file, frame.line(), frame.column());
                            return original(generated).orElse(generated);
                        });
    }

    /** Through the source map beside a JavaScript file, to a file of the checkout. */
    private Optional<SourceLine> original(SourceLine generated) {
        String name = generated.file().getFileName().toString().toLowerCase(Locale.ROOT);
        if (GENERATED_JAVASCRIPT.stream().noneMatch(name::endsWith)) {
            return Optional.empty();
        }
        Path mapFile = generated.file().resolveSibling(generated.file().getFileName() + ".map");
        Optional<SourceMap> map = checkout.accept(mapFile).flatMap(this::read);
        return map.flatMap(m -> m.original(generated.line() - 1, generated.column() - 1))
                .flatMap(
                        original ->
                                originalFile(mapFile.getParent(), original.source())
                                        .map(
                                                file ->
                                                        new SourceLine(
                                                                file,
                                                                original.line() + 1,
                                                                original.column() + 1)));
    }

    private Optional<SourceMap> read(Path mapFile) {
        try {
            return SourceMap.parse(RegularFiles.DEFAULT.read(mapFile, maxMapBytes));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A source of a map: relative to the map's folder ({@code ../src/api-stack.ts} is common, and
     * must still land inside the checkout), or an absolute path or {@code file:} URL of the machine
     * that compiled, found like a frame's; other URLs ({@code webpack://}) name no file here.
     */
    private Optional<Path> originalFile(Path mapFolder, String source) {
        if (source.startsWith("/") || source.startsWith("file:")) {
            return checkout.find(source);
        }
        if (source.contains("://") || source.length() > StackFrame.MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            return checkout.accept(mapFolder.resolve(source));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
