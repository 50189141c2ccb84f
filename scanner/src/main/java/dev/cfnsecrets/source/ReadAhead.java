package dev.cfnsecrets.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads a list of files, in their order, on a thread of its own, a few files ahead of the threads
 * that ask for them ({@link #read}); a thread that asks for a file read already takes it without
 * waiting.
 *
 * <p>Why a thread of its own: a file may be swapped for a FIFO between the check that it is a
 * regular file and the open, and opening a FIFO blocks until a writer comes (Java 17 cannot open
 * with {@code O_NONBLOCK}). A read that takes longer than the timeout is refused, and the reading
 * goes on with the next file on a new thread; the stuck thread is abandoned (a daemon costs nothing
 * once the scan ends, a stuck scan would cost the whole CI job). Why ahead: handing each file to a
 * reader thread and waiting for it made the scanning threads sleep and wake once per file — on a
 * tree of 2,200 small templates a tenth of the scan's time.
 *
 * <p>Bounded: at most {@link #WINDOW} files beyond the last one asked for are read ahead, and none
 * while the files read and not yet taken hold {@link #WINDOW_BYTES} or more.
 */
public final class ReadAhead implements AutoCloseable {
    /** How many files beyond the last one asked for are read ahead, at most. */
    static final int WINDOW = 16;

    /** Files read and not yet taken hold at most about this much before the reader pauses. */
    static final long WINDOW_BYTES = 16L << 20;

    /**
     * The readers' threads, kept for the next read-ahead (most reads are of one file: a nested
     * stack's template, a configuration); daemons, so that a stuck one never holds the JVM up.
     */
    private static final ExecutorService READERS =
            Executors.newCachedThreadPool(
                    task -> {
                        Thread thread = new Thread(task, "cfn-secrets-file-reader");
                        thread.setDaemon(true);
                        return thread;
                    });

    private final RegularFiles files;
    private final List<Path> paths;
    private final long maxBytes;
    private final long timeoutNanos;

    // All below guarded by this.

    /** The indexes of each path not yet asked for, in order (a path may be listed twice). */
    private final Map<Path, ArrayDeque<Integer>> unasked = new HashMap<>();

    private final boolean[] done;
    private final byte[][] bytes;
    private final IOException[] failures;
    private long untakenBytes;
    private int requested = -1;
    private boolean closed;

    /** The reader that is current: an abandoned one stops at its next step. */
    private int generation;

    /** The file the reader reads now and since when, or -1. */
    private int reading = -1;

    private long readingSince;

    /** The next file the reader will read, and whether it waits for room to read it. */
    private int next;

    private boolean readerWaits;

    ReadAhead(RegularFiles files, List<Path> paths, long maxBytes) {
        this.files = files;
        this.paths = List.copyOf(paths);
        this.maxBytes = maxBytes;
        this.timeoutNanos = files.timeout().toNanos();
        this.done = new boolean[this.paths.size()];
        this.bytes = new byte[this.paths.size()][];
        this.failures = new IOException[this.paths.size()];
        for (int i = 0; i < this.paths.size(); i++) {
            unasked.computeIfAbsent(this.paths.get(i), p -> new ArrayDeque<>()).add(i);
        }
        synchronized (this) {
            startReader(0);
        }
    }

    /**
     * The bytes of {@code file}, one of the files this reads (each time it is asked for, the next
     * time it is listed): {@link RegularFiles.Refused} when it is not a regular file, has more than
     * the limit, or was not read within the timeout.
     */
    public synchronized byte[] read(Path file) throws IOException {
        ArrayDeque<Integer> indexes = unasked.get(file);
        if (indexes == null || indexes.isEmpty()) {
            throw new IllegalArgumentException("not a file of this read-ahead: " + file);
        }
        int index = indexes.poll();
        requested = Math.max(requested, index);
        wakeReaderIfRoom();
        try {
            while (!done[index]) {
                if (closed) {
                    throw new IOException("the read-ahead was closed before the file was read");
                }
                long now = System.nanoTime();
                if (reading >= 0 && now - readingSince >= timeoutNanos) {
                    abandonStuckReader();
                } else {
                    long until = reading >= 0 ? readingSince + timeoutNanos : now + timeoutNanos;
                    long millis = Math.max(1, (until - now + 999_999) / 1_000_000);
                    wait(millis);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        }
        byte[] taken = bytes[index];
        bytes[index] = null;
        if (taken != null) {
            untakenBytes -= taken.length;
            wakeReaderIfRoom();
            return taken;
        }
        if (failures[index] == null) {
            throw new IOException("the read-ahead was closed before the file was taken");
        }
        throw failures[index];
    }

    /**
     * The reader has read one file for longer than the timeout: that file is refused, and a new
     * reader goes on with the next.
     */
    private void abandonStuckReader() {
        int stuck = reading;
        failures[stuck] =
                new RegularFiles.Refused(
                        "not read within "
                                + timeoutNanos / 1_000_000
                                + " ms: not a regular file any more"
                                + " (replaced by a FIFO or device while the scan ran?)",
                        false);
        done[stuck] = true;
        notifyAll();
        startReader(stuck + 1);
    }

    /** Wakes a waiting reader once half its window is free, not for every file taken. */
    private void wakeReaderIfRoom() {
        if (readerWaits
                && (next <= requested
                        || (next <= requested + WINDOW / 2 && untakenBytes < WINDOW_BYTES / 2))) {
            notifyAll();
        }
    }

    private boolean mayRead(int index) {
        return index <= requested || (index <= requested + WINDOW && untakenBytes < WINDOW_BYTES);
    }

    private void startReader(int from) {
        generation++;
        reading = -1;
        next = from;
        readerWaits = false;
        int mine = generation;
        READERS.execute(() -> readFrom(mine, from));
    }

    private void readFrom(int mine, int from) {
        for (int i = from; i < paths.size(); i++) {
            synchronized (this) {
                next = i;
                while (mine == generation && !closed && !mayRead(i)) {
                    readerWaits = true;
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return; // nobody interrupts the reader: it ends the reading
                    }
                }
                readerWaits = false;
                if (mine != generation || closed) {
                    return;
                }
                reading = i;
                readingSince = System.nanoTime();
            }
            byte[] read = null;
            IOException failure = null;
            try {
                read = files.readHere(paths.get(i), maxBytes);
            } catch (IOException e) {
                failure = e;
            } catch (RuntimeException | Error e) {
                // As a failed read, at once: the thread that waits for the file would otherwise
                // wait out the timeout (a file too large for the heap throws OutOfMemoryError).
                failure = new IOException(e);
            }
            synchronized (this) {
                if (mine != generation) {
                    return; // refused for taking too long; a new reader went on
                }
                reading = -1;
                done[i] = true;
                bytes[i] = read;
                failures[i] = failure;
                if (read != null) {
                    untakenBytes += read.length;
                }
                notifyAll();
            }
        }
    }

    /** Stops reading ahead; what was read and not taken is dropped. */
    @Override
    public synchronized void close() {
        closed = true;
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = null;
        }
        notifyAll();
    }
}
