package dev.cfnsecrets.model;

import dev.cfnsecrets.source.MapNode;
import dev.cfnsecrets.source.ScalarNode;
import java.util.Optional;

/**
 * One entry of {@code Resources}. {@code properties} is what the resource deploys with: for {@code
 * AWS::Serverless::*} resources, SAM {@code Globals} already merged in (merged nodes keep their own
 * spans and paths, so a value written in Globals still points at the Globals text).
 */
public record Resource(
        String logicalId, ScalarNode key, String type, MapNode node, MapNode properties) {

    public boolean isServerless() {
        return type.startsWith("AWS::Serverless::");
    }

    public Optional<MapNode> metadata() {
        return node.getMap("Metadata");
    }

    /**
     * The CDK construct path from {@code Metadata["aws:cdk:path"]}, for CDK-synthesised templates.
     */
    public Optional<String> cdkPath() {
        return metadata().flatMap(m -> m.getString("aws:cdk:path"));
    }
}
