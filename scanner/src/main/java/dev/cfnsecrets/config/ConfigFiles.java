package dev.cfnsecrets.config;

import dev.cfnsecrets.source.Limits;
import dev.cfnsecrets.source.RegularFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Configuration, baseline and custom-rule files are read like templates: regular files, bounded.
 */
final class ConfigFiles {
    private ConfigFiles() {}

    static byte[] read(Path file) throws IOException {
        return RegularFiles.DEFAULT.read(file, Limits.DEFAULT.maxFileBytes());
    }

    /**
     * Strict UTF-8, as {@code Files.readString} was: a malformed byte is an error, not a
     * replacement character.
     */
    static String readText(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(read(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text", e);
        }
    }
}
