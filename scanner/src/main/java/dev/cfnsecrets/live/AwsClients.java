package dev.cfnsecrets.live;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClientBuilder;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.IamClientBuilder;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;

/**
 * The CloudFormation, IAM and KMS clients of one live scan. Credentials, Region and endpoint come
 * from the SDK's default chains (environment, system properties, shared config and credentials
 * files, container and instance roles; {@code AWS_ENDPOINT_URL} for LocalStack or moto), narrowed
 * by {@code --aws-region} and {@code --aws-profile}. Every call is bounded in time: a scan must not
 * hang on an endpoint that does not answer.
 */
final class AwsClients implements AutoCloseable {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final SdkHttpClient http;
    private final Region region;
    private final CloudFormationClient cloudFormation;
    private final IamClient iam;
    private final KmsClient kms;

    AwsClients(LiveRequest request) {
        this.region = request.region().map(Region::of).orElseGet(() -> defaultRegion(request));
        this.http =
                UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(ATTEMPT_TIMEOUT)
                        .build();
        ClientOverrideConfiguration.Builder override =
                ClientOverrideConfiguration.builder()
                        .apiCallTimeout(CALL_TIMEOUT)
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT);
        request.profile().ifPresent(override::defaultProfileName);
        ClientOverrideConfiguration configuration = override.build();
        CloudFormationClientBuilder cfn =
                CloudFormationClient.builder()
                        .httpClient(http)
                        .region(region)
                        .overrideConfiguration(configuration);
        IamClientBuilder iamBuilder =
                IamClient.builder()
                        .httpClient(http)
                        .region(region)
                        .overrideConfiguration(configuration);
        KmsClientBuilder kmsBuilder =
                KmsClient.builder()
                        .httpClient(http)
                        .region(region)
                        .overrideConfiguration(configuration);
        request.profile()
                .ifPresent(
                        profile -> {
                            cfn.credentialsProvider(ProfileCredentialsProvider.create(profile));
                            iamBuilder.credentialsProvider(
                                    ProfileCredentialsProvider.create(profile));
                            kmsBuilder.credentialsProvider(
                                    ProfileCredentialsProvider.create(profile));
                        });
        this.cloudFormation = cfn.build();
        this.iam = iamBuilder.build();
        this.kms = kmsBuilder.build();
    }

    /** The Region of the profile named with {@code --aws-profile}, else of the default chain. */
    private static Region defaultRegion(LiveRequest request) {
        DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
        request.profile().ifPresent(chain::profileName);
        return chain.build().getRegion();
    }

    Region region() {
        return region;
    }

    CloudFormationClient cloudFormation() {
        return cloudFormation;
    }

    IamClient iam() {
        return iam;
    }

    KmsClient kms() {
        return kms;
    }

    @Override
    public void close() {
        cloudFormation.close();
        iam.close();
        kms.close();
        http.close();
    }
}
