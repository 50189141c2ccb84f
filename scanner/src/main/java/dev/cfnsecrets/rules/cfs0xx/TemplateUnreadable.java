package dev.cfnsecrets.rules.cfs0xx;

import dev.cfnsecrets.model.Document;
import dev.cfnsecrets.rules.Rule;
import dev.cfnsecrets.rules.RuleContext;

/** CFS001: a file that cannot be read or parsed, or breaks an input limit. */
final class TemplateUnreadable implements Rule {
    @Override
    public String id() {
        return "CFS001";
    }

    @Override
    public void check(RuleContext context) {
        if (context.document() instanceof Document.Unreadable unreadable) {
            var where = unreadable.problem().span();
            context.report(id())
                    .at(where, "")
                    .message(
                            unreadable.path()
                                    + " cannot be scanned: "
                                    + unreadable.problem().getMessage()
                                    + " (line "
                                    + where.startLine()
                                    + ", column "
                                    + where.startColumn()
                                    + "). "
                                    + "Fix the file or exclude it; the other files were scanned.")
                    // The fingerprint must survive edits above the problem: no line numbers or
                    // offsets in it.
                    .value(unreadable.problem().getMessage().replaceAll("\\d+", "#"))
                    .add();
        }
    }
}
