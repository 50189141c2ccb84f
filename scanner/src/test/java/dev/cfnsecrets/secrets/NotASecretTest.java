package dev.cfnsecrets.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotASecretTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "  ",
                "42",
                "3.14",
                "-1",
                "true",
                "False",
                "yes",
                "off",
                "null",
                "None",
                "n/a",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf",
                "arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/app/token",
                "{{resolve:secretsmanager:prod/db:SecretString:password}}",
                "/app/prod/db/password",
                "/myapp/api_key",
                "prod/db/creds",
                "alias/aws/lambda",
                "MyApp/Prod/DbPassword",
                "https://api.example.com/v1",
                "postgres://app@db.internal:5432/app",
                "db.internal.example.com",
                "db.cluster-abc.us-east-1.rds.amazonaws.com:5432",
                "ops@example.org",
                "10.0.0.1",
                "10.0.0.0/16",
                "30s",
                "5m",
                "15 minutes",
                "512MB",
                "changeme",
                "CHANGE_ME",
                "change-me",
                "<your-api-key>",
                "${DB_PASSWORD}",
                "$DB_PASSWORD",
                "{{token}}",
                "your-api-key-here",
                "YOUR_API_KEY",
                "replace-with-your-token",
                "xxxxxxxx",
                "********",
                "XXXXXXXXXXXXXXXX",
                "password",
                "secret",
                "TODO",
                "dummy",
                "placeholder",
                "test",
                "foobar",
                "AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "__API_KEY__",
                "%API_KEY%",
                "REPLACED",
                "$(aws secretsmanager get-secret-value --secret-id prod/db)",
                "`cat /run/secrets/db`",
                "my-app-db-secret",
                "prod_api_token",
                "PROD_DB_CREDENTIALS",
                "ProdDatabaseCredentials",
                "MyAppSecret",
                "AQICAHhJ5a1bR2cD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3yZ4aB5cD6eF7gH8iJ9kL0mN1oP2qR3sT4uV5wX6yZ7aB8cD9eF0==",
                "AQECAHhJ5a1bR2cD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3yZ4aB5cD6eF7gH8iJ9kL0mN1oP2qR3sT4uV5wX6yZ7aB8cD9eF0=",
                "AQIDAHhJ5a1bR2cD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3yZ4aB5cD6eF7gH8iJ9kL0mN1oP2qR3sT4uV5wX6yZ7aB8cD9eF0="
            })
    void notSecrets(String value) {
        assertThat(NotASecret.why(value)).as("'%s'", value).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "hunter2",
                "admin",
                "root",
                "Password123!",
                "P@ssw0rd",
                "S3cr3t!",
                "b@d0@u7H70K3n",
                "MyS3cretP4ss",
                "akdfaksdfjkasdfjskafjdkfajsdfk345",
                "9fQ2xLk0vR7pZ3mN",
                "0123456789abcdef0123456789abcdef",
                "3f8a9c2d-1b4e-4f6a-9c8d-7e6f5a4b3c2d",
                "abc/def+ghiJKLmno123PQRstu456vwx789yzAB",
                "mysecretpassword",
                "postgres://app:s3cr3tPassw0rd@db:5432/app"
            })
    void candidateSecrets(String value) {
        assertThat(NotASecret.why(value)).as("'%s'", value).isEmpty();
    }

    @Test
    void placeholdersAreToldApart() {
        assertThat(NotASecret.isPlaceholder("<password>")).isTrue();
        assertThat(NotASecret.isPlaceholder("${Token}")).isTrue();
        assertThat(NotASecret.isPlaceholder("hunter2")).isFalse();
    }

    @Test
    void theReasonIsReadable() {
        assertThat(NotASecret.why("arn:aws:iam::123456789012:role/x")).contains("an ARN");
        assertThat(NotASecret.why("/app/db/password")).contains("a Parameter Store path");
        assertThat(NotASecret.why("prod/db/creds")).contains("a path or secret name");
    }
}
