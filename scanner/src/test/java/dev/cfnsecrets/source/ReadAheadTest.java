package dev.cfnsecrets.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ReadAheadTest {
    private static List<Path> files(Path dir, int count) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(Files.writeString(dir.resolve("t" + i + ".yaml"), "file " + i));
        }
        return files;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void givesEachFileItsBytesAndAFileListedTwiceTwice(@TempDir Path dir) throws IOException {
        List<Path> files = files(dir, 3);
        List<Path> listed = List.of(files.get(0), files.get(1), files.get(0), files.get(2));
        try (ReadAhead reads = RegularFiles.DEFAULT.readAhead(listed, 100)) {
            assertThat(text(reads.read(files.get(0)))).isEqualTo("file 0");
            assertThat(text(reads.read(files.get(1)))).isEqualTo("file 1");
            assertThat(text(reads.read(files.get(0)))).isEqualTo("file 0");
            assertThat(text(reads.read(files.get(2)))).isEqualTo("file 2");
            assertThatThrownBy(() -> reads.read(files.get(0)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a file of this read-ahead");
        }
    }

    @Test
    void refusesWhatIsNoRegularFileOrTooLargeAndReadsTheRest(@TempDir Path dir) throws IOException {
        Path large = Files.writeString(dir.resolve("large.yaml"), "x".repeat(101));
        Path folder = Files.createDirectory(dir.resolve("folder.yaml"));
        Path good = Files.writeString(dir.resolve("good.yaml"), "fine");
        try (ReadAhead reads = RegularFiles.DEFAULT.readAhead(List.of(large, folder, good), 100)) {
            assertThatThrownBy(() -> reads.read(large))
                    .isInstanceOf(RegularFiles.Refused.class)
                    .hasMessage("file is 101 bytes, over the limit of 100 bytes");
            assertThatThrownBy(() -> reads.read(folder))
                    .isInstanceOf(RegularFiles.Refused.class)
                    .hasMessage("not a regular file (a directory)");
            assertThat(text(reads.read(good))).isEqualTo("fine");
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFileSwappedForAFifoIsRefusedAndTheFilesAfterItAreStillRead(@TempDir Path dir)
            throws Exception {
        List<Path> files = files(dir, 4);
        Path swapped = files.get(1);
        AtomicInteger opens = new AtomicInteger();
        RegularFiles swapping =
                new RegularFiles(
                        Duration.ofMillis(300),
                        () -> {
                            if (opens.getAndIncrement() == 1) {
                                try {
                                    Files.delete(swapped);
                                    mkfifo(swapped);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            }
                        });
        try (ReadAhead reads = swapping.readAhead(files, 100)) {
            assertThat(text(reads.read(files.get(0)))).isEqualTo("file 0");
            assertThatThrownBy(() -> reads.read(swapped))
                    .isInstanceOf(RegularFiles.Refused.class)
                    .hasMessage(
                            "not read within 300 ms: not a regular file any more"
                                    + " (replaced by a FIFO or device while the scan ran?)");
            assertThat(text(reads.read(files.get(2)))).isEqualTo("file 2");
            assertThat(text(reads.read(files.get(3)))).isEqualTo("file 3");
        } finally {
            // Lets the abandoned reader's open return, so that its thread ends with the test.
            try (OutputStream unblock = Files.newOutputStream(swapped)) {
                unblock.flush();
            }
        }
    }

    private static void mkfifo(Path path) throws IOException {
        try {
            assertThat(new ProcessBuilder("mkfifo", path.toString()).start().waitFor()).isZero();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * At most {@link ReadAhead#WINDOW} files beyond the last one asked for are read, and a reader
     * that waits goes on once it is half a window or less ahead, not after every file taken.
     */
    @Test
    void readsNoMoreThanItsWindowAheadOfWhatWasAskedFor(@TempDir Path dir) throws Exception {
        List<Path> files = files(dir, 40);
        AtomicInteger opened = new AtomicInteger();
        RegularFiles counting = new RegularFiles(Duration.ofSeconds(30), opened::incrementAndGet);
        try (ReadAhead reads = counting.readAhead(files, 100)) {
            // Before anything is asked for: files 0 … WINDOW - 1.
            awaitOpened(opened, ReadAhead.WINDOW);
            Thread.sleep(200);
            assertThat(opened).hasValue(ReadAhead.WINDOW);
            for (int i = 0; i < ReadAhead.WINDOW / 2; i++) {
                assertThat(text(reads.read(files.get(i)))).isEqualTo("file " + i);
            }
            Thread.sleep(200);
            assertThat(opened).hasValue(ReadAhead.WINDOW);
            // Half a window ahead of file WINDOW / 2: files up to WINDOW / 2 + WINDOW.
            int asked = ReadAhead.WINDOW / 2;
            assertThat(text(reads.read(files.get(asked)))).isEqualTo("file " + asked);
            awaitOpened(opened, asked + ReadAhead.WINDOW + 1);
            Thread.sleep(200);
            assertThat(opened).hasValue(asked + ReadAhead.WINDOW + 1);
        }
    }

    @Test
    void pausesWhileWhatWasReadAndNotTakenHoldsItsByteWindow(@TempDir Path dir) throws Exception {
        int size = (int) (ReadAhead.WINDOW_BYTES / 2 + 1);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path file = dir.resolve("big" + i + ".yaml");
            Files.write(file, new byte[size]);
            files.add(file);
        }
        AtomicInteger opened = new AtomicInteger();
        RegularFiles counting = new RegularFiles(Duration.ofSeconds(30), opened::incrementAndGet);
        try (ReadAhead reads = counting.readAhead(files, size)) {
            awaitOpened(opened, 2);
            Thread.sleep(200);
            assertThat(opened).hasValue(2);
            assertThat(reads.read(files.get(0))).hasSize(size);
            assertThat(reads.read(files.get(1))).hasSize(size);
            assertThat(reads.read(files.get(2))).hasSize(size);
            assertThat(opened).hasValue(3);
        }
    }

    @Test
    void aReadAfterCloseFailsRatherThanWaits(@TempDir Path dir) throws IOException {
        List<Path> files = files(dir, 40);
        ReadAhead reads = RegularFiles.DEFAULT.readAhead(files, 100);
        reads.close();
        assertThatThrownBy(() -> reads.read(files.get(39)))
                .isInstanceOf(IOException.class)
                .hasMessage("the read-ahead was closed before the file was read");
    }

    private static void awaitOpened(AtomicInteger opened, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (opened.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(opened).hasValue(count);
    }
}
