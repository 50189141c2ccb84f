package dev.cfnsecrets.rules;

import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;

/** A rule about templates that looks at each resource on its own, in template order. */
public abstract class ResourceRule extends TemplateRule {
    @Override
    protected final void check(RuleContext context, Template template) {
        for (Resource resource : template.resources().values()) {
            check(context, template, resource);
        }
    }

    protected abstract void check(RuleContext context, Template template, Resource resource);
}
