package dev.cfnsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code cfn-secrets ARGS} in a fresh JVM with the tests' class path, for what an
 * in-process run cannot set: the working directory, and the default configuration found there.
 */
public record FreshJvmRun(int status, String out, String err) {

    /**
     * @param directory the working directory
     * @param scratch a folder for the run's standard error
     */
    public static FreshJvmRun in(Path directory, Path scratch, String... args)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-XX:TieredStopAtLevel=1",
                                "-cp",
                                System.getProperty("java.class.path"),
                                "dev.cfnsecrets.cli.Main"));
        command.addAll(List.of(args));
        Path err = Files.createTempFile(scratch, "err", ".txt");
        Process process =
                new ProcessBuilder(command)
                        .directory(directory.toFile())
                        .redirectError(err.toFile())
                        .start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new FreshJvmRun(process.exitValue(), out, Files.readString(err));
    }

    /**
     * Asserts a scan with {@code -f json} that exited with 0, its {@code count} findings all
     * suppressed by the baseline.
     */
    public void assertEveryFindingInTheBaseline(int count) throws IOException {
        assertThat(status).as(err).isZero();
        JsonNode findings = new ObjectMapper().readTree(out).path("findings");
        assertThat(findings).hasSize(count);
        findings.forEach(
                f ->
                        assertThat(f.path("suppression").path("justification").asText())
                                .isEqualTo("recorded in the baseline"));
    }
}
