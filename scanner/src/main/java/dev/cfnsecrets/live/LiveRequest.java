package dev.cfnsecrets.live;

import java.util.List;
import java.util.Optional;

/**
 * What live mode is asked to read.
 *
 * @param stacks stack names or ids given with {@code --aws-stack}
 * @param account {@code --aws-account}: every stack of the Region and the account's IAM
 * @param region {@code --aws-region}; else the SDK's default chain ({@code AWS_REGION}, the
 *     profile)
 * @param profile {@code --aws-profile}; else the SDK's default chain ({@code AWS_PROFILE}, ...)
 */
public record LiveRequest(
        List<String> stacks, boolean account, Optional<String> region, Optional<String> profile) {
    public LiveRequest {
        stacks = List.copyOf(stacks);
    }
}
