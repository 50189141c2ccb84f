package dev.cfnsecrets;

import java.io.InputStream;

/** Standard input for scans of files in tests: none of them names "-", so none may read it. */
public final class NoStdin {
    private NoStdin() {}

    /** Fails the test: a scan of files asked for standard input. */
    public static InputStream read() {
        throw new AssertionError("no stdin");
    }
}
