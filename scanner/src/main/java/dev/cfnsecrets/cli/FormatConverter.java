package dev.cfnsecrets.cli;

import dev.cfnsecrets.report.Format;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --format NAME}: the formats' command-line names, which hold a '-' (gitlab-sast). */
final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
        return Format.fromCliName(value)
                .orElseThrow(
                        () ->
                                new TypeConversionException(
                                        "'"
                                                + value
                                                + "' is not a format; expected one of "
                                                + Format.cliNames()));
    }
}
