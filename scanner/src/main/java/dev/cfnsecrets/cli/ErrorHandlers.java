package dev.cfnsecrets.cli;

import dev.cfnsecrets.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Short, clear messages on stderr and the right exit status: usage and configuration errors exit
 * with 2 and a one-line message (no wall of usage help); anything else is a bug and exits with 3.
 */
final class ErrorHandlers implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("cfn-secrets: " + ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println(
                "Try '"
                        + command.getCommandSpec().qualifiedName()
                        + " --help' for more information.");
        err.flush();
        return ExitStatus.USAGE;
    }

    @Override
    public int handleExecutionException(
            Exception ex, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        if (ex instanceof ConfigException) {
            err.println("cfn-secrets: " + ex.getMessage());
            err.flush();
            return ExitStatus.USAGE;
        }
        err.println("cfn-secrets: internal error, please report it with the trace below");
        ex.printStackTrace(err);
        err.flush();
        return ExitStatus.INTERNAL_ERROR;
    }
}
