package dev.cfnsecrets.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretNamesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "DB_PASSWORD",
                "password",
                "MasterUserPassword",
                "db-password",
                "dbPassword",
                "SMTP_PASS",
                "DB_PWD",
                "PASSPHRASE",
                "API_KEY",
                "apiKey",
                "APIKey",
                "X_API_KEY",
                "STRIPE_SECRET_KEY",
                "SECRET",
                "JWT_SECRET",
                "CLIENT_SECRET",
                "COGNITO_CLIENT_SECRET",
                "AUTH_TOKEN",
                "GITHUB_TOKEN",
                "AuthToken",
                "TokenKey",
                "SecretToken",
                "HECToken",
                "ACCESS_TOKEN",
                "PRIVATE_KEY",
                "SSH_PRIVATE_KEY",
                "AWS_SECRET_ACCESS_KEY",
                "DB_CREDENTIALS",
                "CREDS",
                "BASIC_AUTH",
                "AUTHORIZATION",
                "HMAC_KEY",
                "SIGNING_KEY",
                "WEBHOOK_SECRET",
                "MYSECRET",
                "SECRET_KEY_BASE",
                "KEYSTORE_PASSWORD",
                "NEW_RELIC_LICENSE_KEY",
                "SEGMENT_WRITE_KEY",
                "EventSourceToken",
                "AccountPassword",
                "ADDomainJoinPassword",
                "DbPassword",
                "OauthToken",
                "AccessToken",
                "STORAGE_ACCOUNT_KEY",
                "--db_password",
                "ENCRYPTION_KEY",
                "BEARER_TOKEN",
                "SESSION_TOKEN",
                "DB_PASS_2",
                "SSHPrivateKey",
                "PASSWORD_FOR_DB",
                "MQBrokerPassword"
            })
    void secretNames(String name) {
        assertThat(SecretNames.isSecretName(name)).as(name).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SECRET_ARN",
                "DB_SECRET_ARN",
                "SECRET_NAME",
                "SecretArn",
                "SecretId",
                "SecretsManagerSecretId",
                "AWS_ACCESS_KEY_ID",
                "API_KEY_HEADER",
                "API_KEY_ID",
                "TOKEN_TTL",
                "TOKEN_URL",
                "OAUTH_TOKEN_ENDPOINT",
                "PASSWORD_MIN_LENGTH",
                "PasswordLength",
                "SECRET_ROTATION_DAYS",
                "TOKEN_TABLE",
                "SECRET_PARAM",
                "DB_PASSWORD_PATH",
                "SSM_PASSWORD_PARAMETER",
                "TOKEN_ENABLED",
                "SECRETS_PORT",
                "AUTH_TYPE",
                "AuthorizationType",
                "ENABLE_AUTH",
                "USE_SECRETS_MANAGER",
                "SECRETS_MANAGER_TTL",
                "SSM_PARAMETER_STORE_TTL",
                "SECRETS_MANAGER_TIMEOUT_MILLIS",
                "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT",
                "PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED",
                "PARAMETERS_SECRETS_EXTENSION_CACHE_SIZE",
                "PARAMETERS_SECRETS_EXTENSION_MAX_CONNECTIONS",
                "PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL",
                "KMS_KEY",
                "KmsKeyArn",
                "KMSMasterKeyID",
                "S3_KEY",
                "OBJECT_KEY",
                "PARTITION_KEY",
                "CACERT_KEY",
                "MAX_TOKENS",
                "TOKENIZER",
                "NEXT_TOKEN",
                "ClientRequestToken",
                "PASSWORD_HASH",
                "SECRET_VERSION_ID",
                "SECRET_JSON_KEY",
                "TokenKeyId",
                "PublicKey",
                "STRIPE_PUBLISHABLE_KEY",
                "GenerateSecretString",
                "SecretStringTemplate",
                "ApiKeyRequired",
                "ApiKeySourceType",
                "AccessTokenValidity",
                "TokenValidityUnits",
                "BASIC_AUTH_USER",
                "PASSWORDLESS_LOGIN",
                "TABLE_NAME",
                "AUTH0_DOMAIN",
                "Authorizer",
                "KeyName",
                "AuthorizerUri",
                "",
                "ManageMasterUserPassword",
                "PasswordPolicy",
                "SECRET_EXPIRY",
                "CredentialsArn",
                "KmsMasterKeyIdForSqs",
                "MQBrokerUserSecretName2",
                "PassItThrough",
                "TracingParamPassThrough",
                "SshKey",
                "CREDS_FILE",
                "SecretUserName",
                "DB_SECRET_ARN_2",
                "BYPASS_CACHE"
            })
    void notSecretNames(String name) {
        assertThat(SecretNames.isSecretName(name)).as(name).isFalse();
    }

    @Test
    void referenceNamesAreTold() {
        assertThat(SecretNames.isReferenceName("DB_SECRET_ARN")).isTrue();
        assertThat(SecretNames.isReferenceName("DB_SECRET")).isFalse();
    }

    @Test
    void passwordNamesAreASubset() {
        assertThat(SecretNames.isPasswordName("DB_PASSWORD")).isTrue();
        assertThat(SecretNames.isPasswordName("MasterUserPassword")).isTrue();
        assertThat(SecretNames.isPasswordName("SMTP_PASS")).isTrue();
        assertThat(SecretNames.isPasswordName("API_TOKEN")).isFalse();
        assertThat(SecretNames.isPasswordName("PASSWORD_ARN")).isFalse();
        assertThat(SecretNames.isPasswordName("SMTP_PASSWD")).isTrue();
        assertThat(SecretNames.isPasswordName("ADMIN_PWD")).isTrue();
        assertThat(SecretNames.isPasswordName("GPG_PASSPHRASE")).isTrue();
        assertThat(SecretNames.isPasswordName("SECRET_KEY")).isTrue();
        assertThat(SecretNames.isPasswordName("OAUTH_CLIENT_SECRET")).isTrue();
        assertThat(SecretNames.isPasswordName("JWT_SECRET")).isFalse();
        assertThat(SecretNames.isPasswordName("API_KEY")).isFalse();
    }

    @Test
    void namesThatSayTheValueIsANameKeepTheirExemption() {
        for (String name :
                List.of(
                        "DB_PASSWORD_NAME",
                        "DB_PASSWORD_ARN",
                        "DB_PASSWORD_ID",
                        "DB_PASSWORD_PARAM",
                        "DB_PASSWORD_PATH",
                        "CLIENT_SECRET_NAME",
                        "SECRET_KEY_PARAM")) {
            assertThat(SecretNames.isSecretName(name)).as(name).isFalse();
            assertThat(SecretNames.isPasswordName(name)).as(name).isFalse();
            assertThat(SecretNames.isReferenceName(name)).as(name).isTrue();
        }
    }

    @Test
    void theSecretWordIsNamed() {
        assertThat(SecretNames.secretWord("X_API_KEY")).contains("API key");
        assertThat(SecretNames.secretWord("DB_PASSWORD")).contains("password");
        assertThat(SecretNames.secretWord("TABLE_NAME")).isEmpty();
    }

    @Test
    void wordsSplitAtSeparatorsAndCaseChanges() {
        assertThat(SecretNames.words("MasterUserPassword"))
                .containsExactly("master", "user", "password");
        assertThat(SecretNames.words("APIKey")).containsExactly("api", "key");
        assertThat(SecretNames.words("db-password.v2")).containsExactly("db", "password", "v2");
        assertThat(SecretNames.words("HECToken")).containsExactly("hec", "token");
    }

    @Test
    void blastRadiusFromTheName() {
        assertThat(SecretNames.blastRadius("AWS_SECRET_ACCESS_KEY"))
                .isEqualTo(BlastRadius.CRITICAL);
        assertThat(SecretNames.blastRadius("GITHUB_TOKEN")).isEqualTo(BlastRadius.CRITICAL);
        assertThat(SecretNames.blastRadius("SSH_PRIVATE_KEY")).isEqualTo(BlastRadius.CRITICAL);
        assertThat(SecretNames.blastRadius("DB_PASSWORD")).isEqualTo(BlastRadius.HIGH);
        assertThat(SecretNames.blastRadius("NEW_RELIC_LICENSE_KEY")).isEqualTo(BlastRadius.LOW);
        assertThat(SecretNames.blastRadius("SEGMENT_WRITE_KEY")).isEqualTo(BlastRadius.LOW);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SLACK_WEBHOOK_URL",
                "DISCORD_WEBHOOK",
                "ALERT_HOOK_URL",
                "MyWebhookURL",
                "TeamsWebhookUri",
                "SLACK_WEBHOOKS",
                "WEBHOOK_URL_2"
            })
    void aWebhookIsItsURLAndTheURLIsTheSecret(String name) {
        assertThat(SecretNames.secretWord(name)).contains("webhook URL");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "WEBHOOK_ID",
                "WebhookName",
                "WEBHOOK_ENABLED",
                "WEBHOOK_PATH",
                "WebhookDefault",
                "LIFECYCLE_HOOK",
                "DB_PASSWORD_CIPHERTEXT",
                "API_TOKEN_ENCRYPTED"
            })
    void notAWebhookOrAnEncryptedSecret(String name) {
        assertThat(SecretNames.isSecretName(name)).isFalse();
    }
}
