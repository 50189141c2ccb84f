package dev.cfnsecrets.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A function whose environment holds two literals under secret names and no customer managed key:
 * three findings per file (CFS102 twice, CFS110), for tests that scan copies of it from several
 * folders.
 */
final class SecretNamedTemplate {
    static final String PASSWORD = "Zq8#rT1vLp0wXe5m";
    static final String TOKEN = "Gh7pQ2xVn9LbW4sKe1Ry";

    private SecretNamedTemplate() {}

    /** Writes the template to {@code file}, creating its folders. */
    static void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(
                file,
                """
                Resources:
                  Api:
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: python3.12
                      Handler: index.handler
                      Code: {ZipFile: "x"}
                      Environment:
                        Variables:
                          DB_PASSWORD: "%s"
                          API_TOKEN: "%s"
                """
                        .formatted(PASSWORD, TOKEN));
    }
}
