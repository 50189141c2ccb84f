package dev.cfnsecrets.rules.cfs0xx;

import dev.cfnsecrets.model.Document;
import dev.cfnsecrets.rules.Rule;
import dev.cfnsecrets.rules.RuleContext;
import dev.cfnsecrets.source.InputProblem;

/**
 * CFS001: a file that cannot be read or parsed, or breaks an input limit; and a template or policy
 * document with a duplicate key, which is scanned anyway with the last value of each key.
 */
final class TemplateUnreadable implements Rule {
    @Override
    public String id() {
        return "CFS001";
    }

    @Override
    public void check(RuleContext context) {
        Document document = context.document();
        if (document instanceof Document.Unreadable unreadable) {
            report(
                    context,
                    document,
                    unreadable.problem(),
                    " cannot be scanned: ",
                    unreadable.problem().isMalformed() && unreadable.text() != null
                            ? "; only its lines were searched, for credentials of known formats"
                            : "",
                    "Fix the file or exclude it.");
        }
        document.duplicateKey()
                .ifPresent(
                        d ->
                                report(
                                        context,
                                        document,
                                        d,
                                        ": ",
                                        "; it was scanned with the last value, the one"
                                                + " CloudFormation uses",
                                        "Remove the duplicate."));
    }

    private void report(
            RuleContext context,
            Document document,
            InputProblem problem,
            String what,
            String howScanned,
            String advice) {
        var where = problem.span();
        context.report(id())
                .at(where, "")
                .message(
                        document.path()
                                + what
                                + problem.getMessage()
                                + " (line "
                                + where.startLine()
                                + ", column "
                                + where.startColumn()
                                + ")"
                                + howScanned
                                + ". "
                                + advice)
                // The fingerprint must survive edits above the problem: no line numbers or
                // offsets in it.
                .value(problem.getMessage().replaceAll("\\d+", "#"))
                .add();
    }
}
