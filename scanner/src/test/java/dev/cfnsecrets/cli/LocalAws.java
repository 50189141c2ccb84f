package dev.cfnsecrets.cli;

import java.net.URI;

/**
 * Points the AWS SDK's default chains at a local endpoint with made-up credentials, through the
 * SDK's own system properties (the way {@code AWS_ENDPOINT_URL} and {@code AWS_ACCESS_KEY_ID} reach
 * it in a shell), without touching the process environment.
 */
final class LocalAws {
    private static final String[] PROPERTIES = {
        "aws.accessKeyId", "aws.secretAccessKey", "aws.endpointUrl"
    };

    private LocalAws() {}

    static void use(URI endpoint) {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        System.setProperty("aws.endpointUrl", endpoint.toString());
    }

    static void clear() {
        for (String property : PROPERTIES) {
            System.clearProperty(property);
        }
    }
}
