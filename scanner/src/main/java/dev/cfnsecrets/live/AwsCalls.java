package dev.cfnsecrets.live;

import dev.cfnsecrets.config.ConfigException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs an AWS call and turns its failure into a one-line configuration error (exit status 2): what
 * could not be done and why, in the SDK's or the service's words, never a stack trace. The SDK's
 * messages name no credential values, and nothing here prints the environment.
 */
final class AwsCalls {
    private static final int MAX_REASON = 400;

    private AwsCalls() {}

    static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new ConfigException("cannot " + what + ": " + reason(e), e);
        }
    }

    /** Why a call failed, in one line: the service's error code and message, or the SDK's. */
    static String reason(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            AwsErrorDetails details = service.awsErrorDetails();
            String code =
                    details.errorCode() == null
                            ? "HTTP " + service.statusCode()
                            : details.errorCode();
            return code
                    + (details.errorMessage() == null
                            ? ""
                            : ": " + firstLine(details.errorMessage()));
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.startsWith("Unable to load credentials")) {
            return "no AWS credentials found (environment variables, --aws-profile or AWS_PROFILE, the shared"
                    + " credentials file, or a container or instance role)";
        }
        if (message.startsWith("Unable to load region")) {
            return "no AWS Region: give --aws-region, or set AWS_REGION or a region in the profile";
        }
        return firstLine(message);
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON) + "…";
    }
}
