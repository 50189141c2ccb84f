package dev.cfnsecrets.rules;

import dev.cfnsecrets.model.Template;

/** A rule about templates: policy files and unreadable files have nothing for it. */
abstract class TemplateRule implements Rule {
    @Override
    public final void check(RuleContext context) {
        context.template().ifPresent(template -> check(context, template));
    }

    abstract void check(RuleContext context, Template template);
}
