package dev.cfnsecrets.rules.values;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resource properties that hold a secret by definition (CFS111), and the eleven of them where
 * CloudFormation accepts {@code {{resolve:ssm-secure:…}}}
 * (docs/facts.md#where-ssm-secure-is-accepted; CFS104). Paths are relative to {@code Properties},
 * with {@code .} between keys and {@code []} for a list item, e.g. {@code
 * RdsDbInstances[].DbPassword}. The list follows cfn_nag's password rules (F23–F75), the KICS
 * password queries and the AWS resource reference.
 */
public final class SecretProperties {
    private static final Set<String> SSM_SECURE =
            Set.of(
                    "AWS::DirectoryService::MicrosoftAD Password",
                    "AWS::DirectoryService::SimpleAD Password",
                    "AWS::ElastiCache::ReplicationGroup AuthToken",
                    "AWS::IAM::User LoginProfile.Password",
                    "AWS::KinesisFirehose::DeliveryStream RedshiftDestinationConfiguration.Password",
                    "AWS::OpsWorks::App AppSource.Password",
                    "AWS::OpsWorks::Stack CustomCookbooksSource.Password",
                    "AWS::OpsWorks::Stack RdsDbInstances[].DbPassword",
                    "AWS::RDS::DBCluster MasterUserPassword",
                    "AWS::RDS::DBInstance MasterUserPassword",
                    "AWS::Redshift::Cluster MasterUserPassword");

    private static final Map<String, List<String>> SECRET = new HashMap<>();

    /**
     * Properties that hold a secret when the template says so: the {@code {Key, Value,
     * IsValueSecret}} parameters of an EventBridge connection, whose Value EventBridge keeps in
     * Secrets Manager when {@code IsValueSecret} is true
     * (docs/facts.md#secret-properties-and-attributes).
     */
    private static final Set<String> MARKED_SECRET = new HashSet<>();

    static {
        for (String entry : SSM_SECURE) {
            String[] typeAndPath = entry.split(" ");
            add(typeAndPath[0], typeAndPath[1]);
        }
        add("AWS::RDS::DBInstance", "TdeCredentialPassword");
        add("AWS::DocDB::DBCluster", "MasterUserPassword");
        add("AWS::DocDBElastic::Cluster", "AdminUserPassword");
        add("AWS::RedshiftServerless::Namespace", "AdminUserPassword");
        add("AWS::Lightsail::Database", "MasterUserPassword");
        add(
                "AWS::KinesisFirehose::DeliveryStream",
                "SplunkDestinationConfiguration.HECToken",
                "HttpEndpointDestinationConfiguration.EndpointConfiguration.AccessKey");
        add("AWS::OpsWorks::App", "SslConfiguration.PrivateKey");
        add(
                "AWS::DMS::Endpoint",
                "Password",
                "MongoDbSettings.Password",
                "KafkaSettings.SaslPassword",
                "RedisSettings.AuthPassword",
                "OracleSettings.AsmPassword",
                "OracleSettings.SecurityDbEncryption");
        add("AWS::AmazonMQ::Broker", "Users[].Password");
        add(
                "AWS::Amplify::App",
                "AccessToken",
                "OauthToken",
                "BasicAuthConfig.Password",
                "AutoBranchCreationConfig.BasicAuthConfig.Password");
        add("AWS::Amplify::Branch", "BasicAuthConfig.Password");
        for (String channel :
                List.of(
                        "APNSChannel",
                        "APNSSandboxChannel",
                        "APNSVoipChannel",
                        "APNSVoipSandboxChannel")) {
            add("AWS::Pinpoint::" + channel, "PrivateKey", "TokenKey");
        }
        add("AWS::Pinpoint::GCMChannel", "ApiKey", "ServiceJson");
        add("AWS::Pinpoint::BaiduChannel", "ApiKey", "SecretKey");
        add("AWS::Pinpoint::ADMChannel", "ClientSecret");
        add("AWS::AppStream::DirectoryConfig", "ServiceAccountCredentials.AccountPassword");
        add(
                "AWS::EMR::Cluster",
                "KerberosAttributes.ADDomainJoinPassword",
                "KerberosAttributes.CrossRealmTrustPrincipalPassword",
                "KerberosAttributes.KdcAdminPassword");
        add("AWS::CodePipeline::Webhook", "AuthenticationConfiguration.SecretToken");
        add(
                "AWS::ManagedBlockchain::Member",
                "MemberConfiguration.MemberFrameworkConfiguration.MemberFabricConfiguration.AdminPassword");
        add(
                "Alexa::ASK::Skill",
                "AuthenticationConfiguration.ClientSecret",
                "AuthenticationConfiguration.RefreshToken");
        add("AWS::Lambda::Permission", "EventSourceToken");
        add("AWS::CodeBuild::SourceCredential", "Token");
        add(
                "AWS::Events::Connection",
                "AuthParameters.ApiKeyAuthParameters.ApiKeyValue",
                "AuthParameters.BasicAuthParameters.Password",
                "AuthParameters.OAuthParameters.ClientParameters.ClientSecret");
        add(
                "AWS::OpenSearchService::Domain",
                "AdvancedSecurityOptions.MasterUserOptions.MasterUserPassword");
        add(
                "AWS::Elasticsearch::Domain",
                "AdvancedSecurityOptions.MasterUserOptions.MasterUserPassword");
        add("AWS::QuickSight::DataSource", "Credentials.CredentialPair.Password");
        add("AWS::DataSync::LocationSMB", "Password");
        add("AWS::DataSync::LocationObjectStorage", "SecretKey");
        add("AWS::Glue::Connection", "ConnectionInput.ConnectionProperties.PASSWORD");
        add("AWS::MemoryDB::User", "AuthenticationMode.Passwords[]");
        add("AWS::ElastiCache::User", "Passwords[]");
        add("AWS::Cognito::UserPoolIdentityProvider", "ProviderDetails.client_secret");
        add("AWS::SecretsManager::Secret", "SecretString");
        add("AWS::ApiGateway::ApiKey", "Value");
        for (String http :
                List.of(
                        "AuthParameters.InvocationHttpParameters.",
                        "AuthParameters.OAuthParameters.OAuthHttpParameters.")) {
            for (String list :
                    List.of("BodyParameters", "HeaderParameters", "QueryStringParameters")) {
                MARKED_SECRET.add("AWS::Events::Connection " + http + list + "[].Value");
            }
        }
    }

    private SecretProperties() {}

    private static void add(String type, String... paths) {
        SECRET.merge(
                type,
                List.of(paths),
                (a, b) -> {
                    List<String> all = new ArrayList<>(a);
                    all.addAll(b);
                    return List.copyOf(all);
                });
    }

    /**
     * Whether {@code path} (relative to Properties, see the class comment) of a {@code type} holds
     * a secret.
     */
    public static boolean isSecret(String type, String path) {
        return SECRET.getOrDefault(type, List.of()).contains(path);
    }

    /**
     * Whether the value at {@code leaf} of a {@code type} is marked secret by its siblings ({@code
     * IsValueSecret: true}). Authors mark plain values too ({@code grant_type: password}), so such
     * a value is judged like one under a secret name, not like a known secret property.
     */
    public static boolean isMarkedSecret(String type, PropertyWalker.Leaf leaf) {
        return MARKED_SECRET.contains(type + " " + leaf.path())
                && leaf.siblings()
                        .getString("IsValueSecret")
                        .filter(v -> v.equalsIgnoreCase("true"))
                        .isPresent();
    }

    /** Whether CloudFormation accepts {@code {{resolve:ssm-secure:…}}} at this property. */
    public static boolean acceptsSsmSecure(String type, String path) {
        return SSM_SECURE.contains(type + " " + path);
    }
}
