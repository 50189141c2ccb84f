package dev.cfnsecrets.eval;

import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.Span;

/** One piece of an evaluated string, remembering the node (and exact text span) it came from. */
public sealed interface Part {
    Node origin();

    Span span();

    /** The same part, remembering the Parameter it arrived through (the innermost one wins). */
    Part withParameter(String parameter);

    /**
     * Literal text. {@code origin} is where it is written — the value itself, a piece of a {@code
     * Fn::Sub}, a Mapping entry or a Parameter {@code Default}; {@code viaParameter} names the
     * Parameter it arrived through, or is null.
     */
    record Literal(String text, Node origin, Span span, String viaParameter) implements Part {
        @Override
        public Literal withParameter(String parameter) {
            return viaParameter != null ? this : new Literal(text, origin, span, parameter);
        }
    }

    /**
     * A CloudFormation dynamic reference, {@code {{resolve:service:key}}}, resolved at deploy time.
     */
    record DynamicReference(
            String service, String key, String raw, Node origin, Span span, String viaParameter)
            implements Part {
        public boolean isSsmSecure() {
            return "ssm-secure".equals(service);
        }

        public boolean isSecretsManager() {
            return "secretsmanager".equals(service);
        }

        public boolean isSsm() {
            return "ssm".equals(service);
        }

        @Override
        public DynamicReference withParameter(String parameter) {
            return viaParameter != null
                    ? this
                    : new DynamicReference(service, key, raw, origin, span, parameter);
        }
    }

    /**
     * A piece that is only known at deploy time: a Parameter without Default, an attribute, an
     * import …
     */
    record Unknown(Kind kind, String name, Node origin) implements Part {
        public enum Kind {
            /** {@code Ref} to a Parameter without a {@code Default}. */
            PARAMETER,
            /**
             * {@code Ref} to a Parameter whose value is fetched from SSM ({@code
             * AWS::SSM::Parameter::Value<…>}).
             */
            SSM_PARAMETER,
            PSEUDO_PARAMETER,
            /** {@code Ref} to a resource. */
            RESOURCE,
            ATTRIBUTE,
            IMPORT,
            /** {@code AWS::NoValue}: the property is removed. */
            NO_VALUE,
            /**
             * Anything else the evaluator cannot resolve (a map, an unsupported function, a bad
             * argument).
             */
            OTHER
        }

        public Span span() {
            return origin.span();
        }

        /**
         * The logical id this piece names: a resource's for a {@code Ref}, the part before the
         * first dot of {@code Resource.Attribute} for an attribute (the whole name when it has no
         * dot, so that a malformed {@code !GetAtt .} names no resource rather than failing).
         */
        public String logicalId() {
            int dot = name.indexOf('.');
            return kind == Kind.ATTRIBUTE && dot >= 0 ? name.substring(0, dot) : name;
        }

        @Override
        public Unknown withParameter(String parameter) {
            return this;
        }
    }
}
