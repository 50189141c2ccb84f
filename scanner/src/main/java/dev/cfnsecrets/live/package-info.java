/**
 * Live mode (README.md#live-mode): deployed templates and the account's IAM, read with the AWS SDK
 * for Java v2 and scanned by the same loader and rules as files. The only package that touches the
 * SDK or the network; the command line reaches it only when an {@code --aws-*} option is given, so
 * a scan of files loads none of its classes.
 */
package dev.cfnsecrets.live;
