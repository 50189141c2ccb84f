package dev.cfnsecrets.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A data file the jar carries (action names, managed-policy facts, peer ids, the custom-rule
 * schema, the version): read once at class load; one that is missing or unreadable is a broken
 * build, not a user error.
 */
public final class BundledResource {
    /** Turns the resource's bytes into what its class keeps. */
    @FunctionalInterface
    public interface StreamReader<T> {
        T read(InputStream in) throws IOException;
    }

    private BundledResource() {}

    /** Opens {@code resource} on the class path and hands it to {@code reader}. */
    public static <T> T read(String resource, StreamReader<T> reader) {
        try (InputStream in =
                BundledResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the class path: " + resource);
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
