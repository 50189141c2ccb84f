/**
 * CFS1xx: secrets written where they are read in plaintext, mostly the environment of a Lambda
 * function or ECS task. {@link Cfs1xxRules#rules()} lists them; the environment rules share {@link
 * EnvConcernRule}. CFS101 and CFS111 also report the credentials on the lines of a file that does
 * not parse, through {@link InUnparsedFile}.
 *
 * <ul>
 *   <li>CFS101 credential-in-env: {@link CredentialInEnv}
 *   <li>CFS102 secret-named-env-literal: {@link SecretNamedEnvLiteral}
 *   <li>CFS103 secret-through-parameter: {@link SecretThroughParameter}
 *   <li>CFS104 ssm-secure-unsupported: {@link SsmSecureUnsupported}
 *   <li>CFS105 plaintext-ssm-for-secret: {@link PlaintextSsmForSecret}
 *   <li>CFS106 secret-resolved-into-env: {@link SecretResolvedIntoEnv}
 *   <li>CFS107 secret-in-outputs: {@link SecretInOutputs}
 *   <li>CFS108 secret-parameter-echoed: {@link SecretParameterEchoed}
 *   <li>CFS109 reserved-env-variable: {@link ReservedEnvVariable}
 *   <li>CFS110 env-secret-default-key: {@link EnvSecretDefaultKey}
 *   <li>CFS111 credential-in-secret-property: {@link CredentialInSecretProperty}
 * </ul>
 */
package dev.cfnsecrets.rules.cfs1xx;
