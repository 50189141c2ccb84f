package dev.cfnsecrets.cli;

import dev.cfnsecrets.report.Format;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The reports one {@code scan} writes, from either form of its options: the single report of {@code
 * -f FORMAT} and {@code -o FILE}, or the repeatable {@code --output FORMAT[=FILE]}. The two forms
 * do not mix; at most one report goes to standard output.
 */
final class ReportTargets {
    private ReportTargets() {}

    /**
     * @param format {@code -f}; null when not given
     * @param file {@code -o}; null when not given
     * @param outputs the {@code --output} values, in order; a value that names no format is the
     *     older {@code --output FILE}, kept because scripts and the GitHub Action use it
     */
    static List<ReportTarget> of(
            Format format, Path file, List<String> outputs, CommandLine command) {
        List<ReportTarget> targets = new ArrayList<>();
        List<Path> olderFiles = new ArrayList<>();
        if (file != null) {
            olderFiles.add(file);
        }
        for (String output : outputs) {
            ReportTarget.parse(output)
                    .ifPresentOrElse(targets::add, () -> olderFiles.add(Path.of(output)));
        }
        if (olderFiles.size() > 1) {
            throw new ParameterException(
                    command,
                    "one report FILE only with -o; for several reports use --output FORMAT=FILE");
        }
        Optional<Path> olderFile = olderFiles.stream().findFirst();
        if (targets.isEmpty()) {
            return List.of(new ReportTarget(format == null ? Format.TEXT : format, olderFile));
        }
        if (format != null || olderFile.isPresent()) {
            throw new ParameterException(
                    command,
                    "-f/-o and --output FORMAT[=FILE] cannot be combined: write -f X -o FILE as"
                            + " --output X=FILE");
        }
        if (targets.stream().filter(ReportTarget::toStdout).count() > 1) {
            throw new ParameterException(
                    command,
                    "only one report can go to standard output: give the others a file"
                            + " (--output FORMAT=FILE)");
        }
        List<Path> files =
                targets.stream()
                        .flatMap(t -> t.file().stream())
                        .map(f -> f.toAbsolutePath().normalize())
                        .toList();
        if (files.stream().distinct().count() < files.size()) {
            throw new ParameterException(
                    command, "two reports name the same file: give each its own");
        }
        return targets;
    }
}
