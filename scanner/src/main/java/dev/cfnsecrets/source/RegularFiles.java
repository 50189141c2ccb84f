package dev.cfnsecrets.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;

/**
 * The one way the scanner reads a file (templates, configuration, baseline, custom rules): only a
 * regular file, and never more than the limit, counted while reading (the size a file claims may
 * change, and a device such as {@code /dev/zero} claims none). The reading itself runs on a thread
 * of its own, abandoned when a file takes longer than the timeout ({@link ReadAhead} says why).
 */
public final class RegularFiles {
    /** Generous for a regular file of the largest allowed size, even on a slow runner. */
    public static final RegularFiles DEFAULT = new RegularFiles(Duration.ofSeconds(30), () -> {});

    private final Duration timeout;
    private final Runnable betweenCheckAndOpen;

    /**
     * {@code betweenCheckAndOpen} lets a test swap the file at the worst moment; it is a no-op
     * otherwise.
     */
    public RegularFiles(Duration timeout, Runnable betweenCheckAndOpen) {
        this.timeout = timeout;
        this.betweenCheckAndOpen = betweenCheckAndOpen;
    }

    /** Why a file is not read: not a regular file, over the limit, or stuck opening or reading. */
    public static final class Refused extends IOException {
        private final boolean tooLarge;

        Refused(String message, boolean tooLarge) {
            super(message);
            this.tooLarge = tooLarge;
        }

        /**
         * Over the size limit, which a setting may raise (the other refusals no setting changes).
         */
        public boolean tooLarge() {
            return tooLarge;
        }
    }

    /**
     * The file's bytes; {@link Refused} when it is not a regular file, has more than {@code
     * maxBytes} or is not read within the timeout.
     */
    public byte[] read(Path file, long maxBytes) throws IOException {
        try (ReadAhead one = readAhead(List.of(file), maxBytes)) {
            return one.read(file);
        }
    }

    /**
     * The files of a scan, read in their order ahead of the threads that ask for them, each as
     * {@link #read} would read it.
     */
    public ReadAhead readAhead(List<Path> files, long maxBytes) {
        return new ReadAhead(this, files, maxBytes);
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * Checks, opens and reads {@code file} on the calling thread, which the open may block for
     * good: only {@link ReadAhead}'s reader calls it.
     */
    byte[] readHere(Path file, long maxBytes) throws IOException {
        // Links are followed: a linked file named on the command line is scanned (walks do not
        // follow links).
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new Refused("not a regular file (" + kind(attributes) + ")", false);
        }
        if (attributes.size() > maxBytes) {
            throw new Refused(
                    "file is "
                            + attributes.size()
                            + " bytes, over the limit of "
                            + maxBytes
                            + " bytes",
                    true);
        }
        betweenCheckAndOpen.run();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (bytes.length > maxBytes) {
            throw new Refused(
                    "file grew over the limit of " + maxBytes + " bytes while it was read", true);
        }
        return bytes;
    }

    private static String kind(BasicFileAttributes attributes) {
        return attributes.isDirectory()
                ? "a directory"
                : attributes.isOther() ? "a FIFO, socket or device" : "not a file";
    }
}
