/**
 * What a template value holds, for the rules of every family: environment variables ({@link
 * EnvVariables}), the secrets an environment holds ({@link EnvSecrets}), every alternative of an
 * evaluated value as the detectors see it ({@link Rendered}), known secret properties and
 * attributes, and the secrets a report must hide wherever it shows the document ({@link
 * DocumentSecrets}, {@link LineSecrets}); and the credentials on the lines of a file that does not
 * parse ({@link UnparsedCredentials}).
 */
package dev.cfnsecrets.rules.values;
