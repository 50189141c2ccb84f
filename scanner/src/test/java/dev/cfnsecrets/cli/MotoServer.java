package dev.cfnsecrets.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * moto's local AWS mock ({@code moto_server}, Python) on a free port, for the live-mode tests.
 * Without it on PATH the tests are skipped, except under CI ({@code CI} set), where they fail: CI
 * must never pass by skipping them silently. AWS managed policies are loaded (moto leaves them out
 * unless asked) so that attaching one works as in an account.
 */
final class MotoServer implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static MotoServer start() throws IOException, InterruptedException {
        Optional<Path> executable = onPath("moto_server");
        if (executable.isEmpty()) {
            if (System.getenv("CI") != null) {
                fail("moto_server is not on PATH; CI must run the live-mode tests");
            }
            Assumptions.abort("moto_server is not on PATH: live-mode tests skipped");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        File log = Files.createTempFile("moto", ".log").toFile();
        log.deleteOnExit();
        ProcessBuilder builder =
                new ProcessBuilder(
                                executable.get().toString(),
                                "-H",
                                "127.0.0.1",
                                "-p",
                                Integer.toString(port))
                        .redirectErrorStream(true)
                        .redirectOutput(log);
        builder.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
        MotoServer server = new MotoServer(builder.start(), URI.create("http://127.0.0.1:" + port));
        server.awaitReady(log);
        return server;
    }

    URI endpoint() {
        return endpoint;
    }

    /** A CloudFormation client of us-east-1 on this server, to deploy what a test scans. */
    CloudFormationClient cloudFormation() {
        return cloudFormation(Region.US_EAST_1);
    }

    /** A CloudFormation client of {@code region} on this server. */
    CloudFormationClient cloudFormation(Region region) {
        return CloudFormationClient.builder()
                .region(region)
                .endpointOverride(endpoint)
                .credentialsProvider(CREDENTIALS)
                .build();
    }

    /** An IAM client on this server. */
    IamClient iam() {
        return IamClient.builder()
                .region(Region.AWS_GLOBAL)
                .endpointOverride(endpoint)
                .credentialsProvider(CREDENTIALS)
                .build();
    }

    /** A KMS client of us-east-1 on this server. */
    KmsClient kms() {
        return KmsClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint)
                .credentialsProvider(CREDENTIALS)
                .build();
    }

    private void awaitReady(File log) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("moto_server exited: " + Files.readString(log.toPath()));
            }
            try {
                HttpURLConnection connection =
                        (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        close();
        fail("moto_server did not answer within " + STARTUP.toSeconds() + " s");
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
