package dev.cfnsecrets.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way the scanner reads a file (templates, configuration, baseline, custom rules): only a
 * regular file, and never more than the limit, counted while reading (the size a file claims may
 * change, and a device such as {@code /dev/zero} claims none).
 *
 * <p>A file may be swapped for a FIFO between the check and the open, and opening a FIFO blocks
 * until a writer comes; Java 17 cannot open with {@code O_NONBLOCK}. So the open and the read run
 * on a daemon thread that is abandoned after a timeout: a stuck thread costs nothing once the scan
 * ends, a stuck scan would cost the whole CI job.
 */
public final class RegularFiles {
    /** Generous for a regular file of the largest allowed size, even on a slow runner. */
    public static final RegularFiles DEFAULT = new RegularFiles(Duration.ofSeconds(30), () -> {});

    private static final ExecutorService READERS =
            Executors.newCachedThreadPool(
                    task -> {
                        Thread thread = new Thread(task, "cfn-secrets-file-reader");
                        thread.setDaemon(true);
                        return thread;
                    });

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
     * The file's bytes; {@link Refused} when it is not a regular file or has more than {@code
     * maxBytes}.
     */
    public byte[] read(Path file, long maxBytes) throws IOException {
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
        Future<byte[]> reading =
                READERS.submit(
                        () -> {
                            try (InputStream in = Files.newInputStream(file)) {
                                return in.readNBytes(
                                        (int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                            }
                        });
        byte[] bytes;
        try {
            bytes = reading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            throw new Refused(
                    "not read within "
                            + timeout.toMillis()
                            + " ms: not a regular file any more"
                            + " (replaced by a FIFO or device while the scan ran?)",
                    false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
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
