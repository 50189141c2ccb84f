package dev.cfnsecrets.config;

import com.google.re2j.Pattern;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

/**
 * The {@code pattern} and {@code patternProperties} of custom-rule schemas (and of the published
 * schema that checks custom-rule files) run on RE2/J: the schemas and the values they test come
 * from a repository, and the JDK's backtracking engine can take exponential time on either. JSON
 * Schema searches a pattern anywhere in the string, so this is {@code find}.
 */
final class Re2jRegularExpressions implements RegularExpressionFactory {
    static final Re2jRegularExpressions INSTANCE = new Re2jRegularExpressions();

    private Re2jRegularExpressions() {}

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return value -> pattern.matcher(value).find();
    }
}
