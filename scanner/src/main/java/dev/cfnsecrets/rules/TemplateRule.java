package dev.cfnsecrets.rules;

import dev.cfnsecrets.model.Template;

/** A rule about templates: policy files and unreadable files have nothing for it. */
public abstract class TemplateRule implements Rule {
    @Override
    public final void check(RuleContext context) {
        context.template().ifPresent(template -> check(context, template));
    }

    protected abstract void check(RuleContext context, Template template);
}
