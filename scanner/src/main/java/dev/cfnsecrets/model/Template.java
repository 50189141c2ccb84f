package dev.cfnsecrets.model;

import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.Node;
import dev.cfnsecrets.source.SourceFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed view of a template: the sections rules read, with SAM Globals merged into each resource.
 */
public final class Template {
    private static final String CDK_METADATA = "AWS::CDK::Metadata";
    private static final String CDK_BOOTSTRAP_RULE = "CheckBootstrapVersion";
    private final SourceFile source;
    private final MapNode root;
    private final Map<String, Parameter> parameters;
    private final Map<String, Resource> resources;
    private final boolean cdkOutput;

    private Template(
            SourceFile source,
            MapNode root,
            Map<String, Parameter> parameters,
            Map<String, Resource> resources) {
        this.source = source;
        this.root = root;
        this.parameters = parameters;
        this.resources = resources;
        // Known once: rules ask for every finding, and a look through every resource each time
        // cost a template of n functions the square of n.
        this.cdkOutput =
                resources.values().stream()
                                .anyMatch(
                                        r ->
                                                r.type().equals(CDK_METADATA)
                                                        || r.cdkPath().isPresent())
                        || root.getMap("Rules")
                                .flatMap(rules -> rules.get(CDK_BOOTSTRAP_RULE))
                                .isPresent();
    }

    public static Template of(SourceFile source, MapNode root) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        root.getMap("Parameters")
                .ifPresent(
                        section ->
                                section.entries()
                                        .forEach(
                                                e -> {
                                                    if (e.value() instanceof MapNode declaration) {
                                                        parameters.put(
                                                                e.name(),
                                                                new Parameter(
                                                                        e.name(),
                                                                        e.key(),
                                                                        declaration));
                                                    }
                                                }));
        Optional<MapNode> globals = root.getMap("Globals");
        Map<String, Resource> resources = new LinkedHashMap<>();
        root.getMap("Resources")
                .ifPresent(
                        section ->
                                section.entries()
                                        .forEach(
                                                e -> {
                                                    if (e.value() instanceof MapNode resource) {
                                                        String type =
                                                                resource.getString("Type")
                                                                        .orElse("");
                                                        MapNode own =
                                                                resource.getMap("Properties")
                                                                        .orElseGet(
                                                                                () ->
                                                                                        new MapNode(
                                                                                                List
                                                                                                        .of(),
                                                                                                resource
                                                                                                        .span(),
                                                                                                Node
                                                                                                        .childPath(
                                                                                                                resource
                                                                                                                        .path(),
                                                                                                                "Properties")));
                                                        MapNode properties =
                                                                SamGlobals.apply(
                                                                        globals, type, resource,
                                                                        own);
                                                        resources.put(
                                                                e.name(),
                                                                new Resource(
                                                                        e.name(),
                                                                        e.key(),
                                                                        type,
                                                                        resource,
                                                                        properties));
                                                    }
                                                }));
        return new Template(source, root, parameters, resources);
    }

    public SourceFile source() {
        return source;
    }

    public MapNode root() {
        return root;
    }

    /** Parameters in declaration order. */
    public Map<String, Parameter> parameters() {
        return parameters;
    }

    /** Resources in template order. */
    public Map<String, Resource> resources() {
        return resources;
    }

    public Optional<MapNode> mappings() {
        return root.getMap("Mappings");
    }

    public Optional<MapNode> conditions() {
        return root.getMap("Conditions");
    }

    public Optional<MapNode> outputs() {
        return root.getMap("Outputs");
    }

    public Optional<MapNode> globals() {
        return root.getMap("Globals");
    }

    public Optional<MapNode> metadata() {
        return root.getMap("Metadata");
    }

    /**
     * Whether the AWS CDK synthesised this template, so that advice can speak of the app's
     * constructs: a resource carries a construct path ({@code Metadata["aws:cdk:path"]}), or the
     * template holds the {@code AWS::CDK::Metadata} resource that CDK adds to every stack, nested
     * ones included, unless version reporting is off, or the {@code CheckBootstrapVersion} rule of
     * the default synthesizer.
     */
    public boolean isCdkOutput() {
        return cdkOutput;
    }
}
