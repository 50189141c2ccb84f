package dev.cfnsecrets.envsize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfnsecrets.TestTemplates;
import dev.cfnsecrets.eval.Evaluator;
import dev.cfnsecrets.model.Document;
import dev.cfnsecrets.model.DocumentLoader;
import dev.cfnsecrets.model.Resource;
import dev.cfnsecrets.model.Template;
import dev.cfnsecrets.source.Limits;
import dev.cfnsecrets.source.SourceFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The whole path — template text, parser, evaluator, measure — against Jackson's bytes of the same
 * map.
 */
class EnvironmentMeasureTest {

    private static Template parse(String name, String text) {
        Document document = new DocumentLoader(Limits.DEFAULT).parse(new SourceFile(name, text));
        assertThat(document).as(name).isInstanceOf(Document.TemplateDocument.class);
        return ((Document.TemplateDocument) document).template();
    }

    private static List<EnvironmentSize> measure(Template template, String function) {
        Resource resource = template.resources().get(function);
        return EnvironmentMeasure.measure(resource, new Evaluator(template));
    }

    @Test
    void randomEnvironmentsInJsonTemplatesMeasureAsJacksonWritesThem()
            throws JsonProcessingException {
        Random random = new Random(4096L);
        ObjectMapper json = new ObjectMapper();
        for (int round = 0; round < 300; round++) {
            Map<String, String> variables = new LinkedHashMap<>();
            int count = 1 + random.nextInt(15);
            for (int i = 0; i < count; i++) {
                variables.put(
                        "V" + i + JsonSizeTest.randomText(random, random.nextInt(6)),
                        JsonSizeTest.randomText(random, random.nextInt(300)));
            }
            String template =
                    json.writeValueAsString(
                            Map.of(
                                    "Resources",
                                    Map.of(
                                            "Fn",
                                            Map.of(
                                                    "Type",
                                                    "AWS::Lambda::Function",
                                                    "Properties",
                                                    Map.of(
                                                            "Environment",
                                                            Map.of("Variables", variables))))));
            List<EnvironmentSize> sizes =
                    measure(parse("random-" + round + ".json", template), "Fn");
            assertThat(sizes).hasSize(1);
            assertThat(sizes.get(0).knownBytes())
                    .as("random environment %d (seed 4096)", round)
                    .isEqualTo(JsonSizeTest.jackson(variables));
            assertThat(sizes.get(0).unknownsOfKnown()).isEmpty();
        }
    }

    @Test
    void intrinsicsResolveBeforeMeasuring() {
        Template template =
                parse(
                        "intrinsics.yaml",
                        """
                Parameters:
                  Stage: {Type: String, Default: prod}
                  Token: {Type: String}
                Mappings:
                  Hosts: {prod: {Name: api.example.com}}
                """
                                + TestTemplates.functionWithVariables(
                                        """
                STAGE: !Ref Stage
                URL: !Sub "https://api.example.com/${Stage}"
                HOST: !FindInMap [Hosts, !Ref Stage, Name]
                PATH: !Join ["/", [a, b, c]]
                PORT: 8443
                TOKEN: !Ref Token
                REGION: !Ref AWS::Region
                """));
        EnvironmentSize size = measure(template, "Fn").get(0);
        Map<String, String> known = new LinkedHashMap<>();
        known.put("STAGE", "prod");
        known.put("URL", "https://api.example.com/prod");
        known.put("HOST", "api.example.com");
        known.put("PATH", "a/b/c");
        known.put("PORT", "8443");
        known.put("TOKEN", "");
        known.put("REGION", "");
        assertThat(size.knownBytes()).isEqualTo(JsonSize.objectBytes(known));
        assertThat(size.unknownsOfKnown())
                .extracting(UnknownValue::description)
                .containsExactly("Parameter Token (no Default)", "AWS::Region");
        assertThat(size.possibleBytes())
                .isEqualTo(size.knownBytes() + UnknownSizes.COMMON_VALUE + 14);
    }

    @Test
    void aFunctionWithoutVariablesHasNoEnvironmentToMeasure() {
        Template template =
                parse(
                        "none.yaml",
                        """
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Handler: index.handler
                  Gone:
                    Type: AWS::Lambda::Function
                    Properties:
                      Environment: !Ref AWS::NoValue
                """);
        assertThat(measure(template, "Fn")).isEmpty();
        assertThat(measure(template, "Gone")).isEmpty();
    }
}
