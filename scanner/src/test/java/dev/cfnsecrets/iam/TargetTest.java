package dev.cfnsecrets.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetTest {

    private static List<PolicyString> resources(String resourceYaml) {
        PolicyInventory inventory =
                Inventories.role(
                        "- Effect: Allow\n  Action: '*'\n  Resource: " + resourceYaml + "\n");
        return Inventories.only(inventory).statements().get(0).resources();
    }

    private static boolean allFunctions(String resourceYaml) {
        return resources(resourceYaml).stream().anyMatch(Target.ALL_FUNCTIONS::coveredBy);
    }

    @Test
    void allFunctionsPatterns() {
        assertThat(allFunctions("'*'")).isTrue();
        assertThat(allFunctions("'arn:aws:lambda:*:*:function:*'")).isTrue();
        assertThat(allFunctions("'arn:aws:lambda:*'")).isTrue();
        assertThat(allFunctions("'arn:aws:lambda:eu-west-1:111122223333:function:*:*'"))
                .as("every qualifier")
                .isTrue();
        assertThat(allFunctions("'arn:aws-cn:lambda:*:*:function:?*'")).isTrue();
        assertThat(
                        allFunctions(
                                "!Sub 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:*'"))
                .isTrue();
        assertThat(
                        allFunctions(
                                "!Join ['', ['arn:', !Ref AWS::Partition, ':lambda:*:*:function:*']]"))
                .isTrue();
    }

    @Test
    void narrowPatterns() {
        assertThat(allFunctions("'arn:aws:lambda:*:*:function:orders-*'")).isFalse();
        assertThat(allFunctions("'arn:aws:lambda:*:*:function:?'")).isFalse();
        assertThat(allFunctions("!GetAtt Fn.Arn")).isFalse();
        assertThat(allFunctions("!Sub '${Fn.Arn}:*'")).isFalse();
        assertThat(allFunctions("'arn:aws:s3:::bucket/*'")).isFalse();
        assertThat(allFunctions("!Ref SomeParameterWithoutDefault")).isFalse();
    }

    @Test
    void oneFunctionOfTheTemplate() {
        Target named = Target.function("Fn", "orders-api");
        Target generated = Target.function("Fn", null);
        assertThat(resources("!GetAtt Fn.Arn"))
                .allMatch(named::coveredBy)
                .allMatch(generated::coveredBy);
        assertThat(resources("!Sub '${Fn.Arn}:*'")).allMatch(generated::coveredBy);
        assertThat(
                        resources(
                                "!Sub 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${Fn}'"))
                .allMatch(generated::coveredBy);
        assertThat(resources("!GetAtt Other.Arn")).noneMatch(generated::coveredBy);
        assertThat(
                        resources(
                                "!Sub 'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${Other}'"))
                .noneMatch(generated::coveredBy);
        assertThat(resources("'arn:aws:lambda:*:*:function:orders-*'"))
                .allMatch(named::coveredBy)
                .noneMatch(generated::coveredBy);
        assertThat(resources("'arn:aws:lambda:*:*:function:billing-*'"))
                .noneMatch(named::coveredBy);
        assertThat(resources("'*'")).allMatch(generated::coveredBy);
    }

    @Test
    void oneDeployedFunctionByItsArn() {
        Target deployed =
                Target.deployedFunction(
                        "arn:aws:lambda:eu-west-1:111122223333:function:shop-SecretFn-X1");
        assertThat(
                        resources(
                                "['*', 'arn:aws:lambda:*:*:function:*', 'arn:aws:lambda:eu-west-1:111122223333:function:shop-*',"
                                        + " 'arn:aws:lambda:eu-west-1:111122223333:function:shop-SecretFn-X1',"
                                        + " 'arn:aws:lambda:*:111122223333:function:shop-SecretFn-X1:*', 'arn:aws:lambda:*']"))
                .allMatch(deployed::coveredBy);
        assertThat(
                        resources(
                                "['arn:aws:lambda:*:*:function:other-*', 'arn:aws:lambda:us-east-1:*:function:*',"
                                        + " 'arn:aws:lambda:*:444455556666:function:*', 'arn:aws-cn:lambda:*:*:function:*',"
                                        + " 'arn:aws:lambda:eu-west-1:111122223333:function:shop-SecretFn', 'arn:aws:s3:::*']"))
                .noneMatch(deployed::coveredBy);
    }

    @Test
    void allKeys() {
        assertThat(resources("'*'")).allMatch(Target.ALL_KEYS::coveredBy);
        assertThat(resources("'arn:aws:kms:*:*:key/*'")).allMatch(Target.ALL_KEYS::coveredBy);
        assertThat(
                        resources(
                                "!Sub 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/*'"))
                .allMatch(Target.ALL_KEYS::coveredBy);
        assertThat(resources("!GetAtt Key.Arn"))
                .noneMatch(Target.ALL_KEYS::coveredBy)
                .allMatch(Target.key("Key")::coveredBy);
        assertThat(
                        resources(
                                "'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'"))
                .noneMatch(Target.ALL_KEYS::coveredBy);
    }
}
