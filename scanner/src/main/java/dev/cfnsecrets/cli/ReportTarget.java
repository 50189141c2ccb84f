package dev.cfnsecrets.cli;

import dev.cfnsecrets.report.Format;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One report of a scan: its format and where it goes.
 *
 * @param file the file to write; empty for standard output
 */
record ReportTarget(Format format, Optional<Path> file) {

    boolean toStdout() {
        return file.isEmpty();
    }

    /**
     * {@code FORMAT} or {@code FORMAT=FILE}, as {@code --output} takes it; empty when the value
     * does not start with a format name, i.e. it is the older {@code --output FILE}.
     */
    static Optional<ReportTarget> parse(String value) {
        int equals = value.indexOf('=');
        String name = equals < 0 ? value : value.substring(0, equals);
        return Format.fromCliName(name)
                .map(
                        format ->
                                new ReportTarget(
                                        format,
                                        equals < 0
                                                ? Optional.empty()
                                                : Optional.of(
                                                        Path.of(value.substring(equals + 1)))));
    }
}
