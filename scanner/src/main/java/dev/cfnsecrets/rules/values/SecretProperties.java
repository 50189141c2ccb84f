package dev.cfnsecrets.rules.values;

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
    /*
     * Each set is a map from a resource type to its paths: a leaf is looked up by its type and
     * then its path, without joining the two into a new string for every leaf of a template.
     */

    private static final Map<String, Set<String>> SSM_SECURE = new HashMap<>();

    private static final Map<String, Set<String>> SECRET = new HashMap<>();

    /**
     * Properties that hold a secret when the template says so: the {@code {Key, Value,
     * IsValueSecret}} parameters of an EventBridge connection, whose Value EventBridge keeps in
     * Secrets Manager when {@code IsValueSecret} is true
     * (docs/facts.md#secret-properties-and-attributes).
     */
    private static final Map<String, Set<String>> MARKED_SECRET = new HashMap<>();

    static {
        addSsmSecure("AWS::DirectoryService::MicrosoftAD", "Password");
        addSsmSecure("AWS::DirectoryService::SimpleAD", "Password");
        addSsmSecure("AWS::ElastiCache::ReplicationGroup", "AuthToken");
        addSsmSecure("AWS::IAM::User", "LoginProfile.Password");
        addSsmSecure(
                "AWS::KinesisFirehose::DeliveryStream",
                "RedshiftDestinationConfiguration.Password");
        addSsmSecure("AWS::OpsWorks::App", "AppSource.Password");
        addSsmSecure("AWS::OpsWorks::Stack", "CustomCookbooksSource.Password");
        addSsmSecure("AWS::OpsWorks::Stack", "RdsDbInstances[].DbPassword");
        addSsmSecure("AWS::RDS::DBCluster", "MasterUserPassword");
        addSsmSecure("AWS::RDS::DBInstance", "MasterUserPassword");
        addSsmSecure("AWS::Redshift::Cluster", "MasterUserPassword");
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
                add(MARKED_SECRET, "AWS::Events::Connection", http + list + "[].Value");
            }
        }
    }

    private SecretProperties() {}

    /** A property where {@code {{resolve:ssm-secure:…}}} is accepted: a secret one too. */
    private static void addSsmSecure(String type, String path) {
        add(SSM_SECURE, type, path);
        add(type, path);
    }

    private static void add(String type, String... paths) {
        add(SECRET, type, paths);
    }

    private static void add(Map<String, Set<String>> to, String type, String... paths) {
        to.computeIfAbsent(type, t -> new HashSet<>()).addAll(List.of(paths));
    }

    private static boolean holds(Map<String, Set<String>> set, String type, String path) {
        Set<String> paths = set.get(type);
        return paths != null && paths.contains(path);
    }

    /**
     * Whether {@code path} (relative to Properties, see the class comment) of a {@code type} holds
     * a secret.
     */
    public static boolean isSecret(String type, String path) {
        return holds(SECRET, type, path);
    }

    /**
     * Whether the value at {@code leaf} of a {@code type} is marked secret by its siblings ({@code
     * IsValueSecret: true}). Authors mark plain values too ({@code grant_type: password}), so such
     * a value is judged like one under a secret name, not like a known secret property.
     */
    public static boolean isMarkedSecret(String type, PropertyWalker.Leaf leaf) {
        return holds(MARKED_SECRET, type, leaf.path())
                && leaf.siblings()
                        .getString("IsValueSecret")
                        .filter(v -> v.equalsIgnoreCase("true"))
                        .isPresent();
    }

    /** Whether CloudFormation accepts {@code {{resolve:ssm-secure:…}}} at this property. */
    public static boolean acceptsSsmSecure(String type, String path) {
        return holds(SSM_SECURE, type, path);
    }
}
