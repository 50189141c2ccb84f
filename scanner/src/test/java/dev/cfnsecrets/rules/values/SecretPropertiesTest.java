package dev.cfnsecrets.rules.values;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretPropertiesTest {

    @Test
    void aPropertyIsLookedUpUnderItsOwnTypeOnly() {
        assertThat(SecretProperties.isSecret("AWS::RDS::DBInstance", "TdeCredentialPassword"))
                .isTrue();
        assertThat(SecretProperties.isSecret("AWS::RDS::DBCluster", "TdeCredentialPassword"))
                .isFalse();
        assertThat(SecretProperties.isSecret("AWS::RDS::DBInstance", "MasterUsername")).isFalse();
        assertThat(SecretProperties.isSecret("AWS::S3::Bucket", "MasterUserPassword")).isFalse();
    }

    @Test
    void everyPropertyAcceptingSsmSecureIsSecretButNotTheOtherWayRound() {
        for (String path :
                new String[] {"CustomCookbooksSource.Password", "RdsDbInstances[].DbPassword"}) {
            assertThat(SecretProperties.acceptsSsmSecure("AWS::OpsWorks::Stack", path)).isTrue();
            assertThat(SecretProperties.isSecret("AWS::OpsWorks::Stack", path)).isTrue();
        }
        assertThat(SecretProperties.acceptsSsmSecure("AWS::RDS::DBInstance", "MasterUserPassword"))
                .isTrue();
        assertThat(SecretProperties.isSecret("AWS::DocDB::DBCluster", "MasterUserPassword"))
                .isTrue();
        assertThat(SecretProperties.acceptsSsmSecure("AWS::DocDB::DBCluster", "MasterUserPassword"))
                .isFalse();
        assertThat(
                        SecretProperties.acceptsSsmSecure(
                                "AWS::RDS::DBInstance", "TdeCredentialPassword"))
                .isFalse();
    }
}
