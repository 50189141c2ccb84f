/**
 * CFS3xx: who can read a function's secrets, from the IAM and key policies of the template (the
 * {@link PolicyInventories} made once per document). {@link Cfs3xxRules#rules()} lists the template
 * rules; live mode adds {@link AccountPrincipalCanReadFunctionSecrets}, a {@link
 * dev.cfnsecrets.rules.CrossDocumentRule} over an account's deployed stacks.
 *
 * <ul>
 *   <li>CFS301 function-config-readable-widely: {@link FunctionConfigReadableWidely}
 *   <li>CFS302 kms-decrypt-on-all-keys: {@link KmsDecryptOnAllKeys}
 *   <li>CFS303 key-policy-open-decrypt: {@link KeyPolicyOpenDecrypt}
 *   <li>CFS304 broad-managed-policy: {@link BroadManagedPolicy}
 *   <li>CFS305 principal-can-read-function-secrets: {@link PrincipalCanReadFunctionSecrets} in one
 *       template, {@link AccountPrincipalCanReadFunctionSecrets} across an account
 * </ul>
 */
package dev.cfnsecrets.rules.cfs3xx;
