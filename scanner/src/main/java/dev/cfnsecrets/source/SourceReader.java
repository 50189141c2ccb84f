package dev.cfnsecrets.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Bytes to {@link SourceFile}: size limit, binary content and strict UTF-8 decoding. */
public final class SourceReader {
    private final Limits limits;

    public SourceReader(Limits limits) {
        this.limits = limits;
    }

    public SourceFile read(Path file, String displayPath) throws InputProblem, IOException {
        return read(file, displayPath, RegularFiles.DEFAULT);
    }

    /** Reads through {@code files}: tests stage a file swapped between check and open. */
    public SourceFile read(Path file, String displayPath, RegularFiles files)
            throws InputProblem, IOException {
        return decode(readOrRefuse(() -> files.read(file, limits.maxFileBytes())), displayPath);
    }

    /** The files of a scan, read ahead with this reader's limit. */
    public ReadAhead readAhead(List<Path> files) {
        return RegularFiles.DEFAULT.readAhead(files, limits.maxFileBytes());
    }

    /** Takes {@code file} from {@code files}, made by {@link #readAhead}. */
    public SourceFile read(Path file, String displayPath, ReadAhead files)
            throws InputProblem, IOException {
        return decode(readOrRefuse(() -> files.read(file)), displayPath);
    }

    private interface Read {
        byte[] bytes() throws IOException;
    }

    /** The bytes {@code read} gives; a refused file is an input problem the scan reports. */
    private byte[] readOrRefuse(Read read) throws InputProblem, IOException {
        try {
            return read.bytes();
        } catch (RegularFiles.Refused e) {
            throw new InputProblem(
                    e.getMessage()
                            + (e.tooLarge() ? " (raise it with the 'max-file-bytes' setting)" : ""),
                    1,
                    1);
        }
    }

    public SourceFile read(InputStream in, String displayPath) throws InputProblem, IOException {
        byte[] bytes =
                in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
        if (bytes.length > limits.maxFileBytes()) {
            throw new InputProblem(
                    "input is larger than the limit of " + limits.maxFileBytes() + " bytes", 1, 1);
        }
        return decode(bytes, displayPath);
    }

    private static SourceFile decode(byte[] bytes, String displayPath) throws InputProblem {
        int nul = indexOf(bytes, (byte) 0);
        if (nul >= 0) {
            throw new InputProblem(
                    "binary content (NUL byte at offset " + nul + "), not a YAML or JSON text",
                    lineOf(bytes, nul),
                    1);
        }
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        if (isAscii(bytes, start)) {
            // Most templates: every byte is a character, and the one-byte charset copies them
            // straight into a compact string (the decoder would widen them to a char buffer first).
            return new SourceFile(
                    displayPath,
                    new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1),
                    false);
        }
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            throw new InputProblem(
                    String.format(
                            "invalid UTF-8 (byte 0x%02X at offset %d)", bytes[bad] & 0xff, bad),
                    lineOf(bytes, bad),
                    columnOf(bytes, bad));
        }
        decoder.flush(out);
        out.flip();
        return new SourceFile(displayPath, out.toString());
    }

    private static boolean isAscii(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3
                && (b[0] & 0xff) == 0xEF
                && (b[1] & 0xff) == 0xBB
                && (b[2] & 0xff) == 0xBF;
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Column of a byte offset, counting the valid characters before it on its line. */
    private static int columnOf(byte[] bytes, int offset) {
        int lineStart = offset;
        while (lineStart > 0 && bytes[lineStart - 1] != '\n') {
            lineStart--;
        }
        int column = 1;
        for (int i = lineStart; i < offset; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return column;
    }
}
