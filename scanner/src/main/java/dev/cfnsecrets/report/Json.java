package dev.cfnsecrets.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;

/** The Jackson set-up shared by the JSON-based reports. */
final class Json {
    private Json() {
    }

    static ObjectMapper newMapper() {
        return new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                // The caller owns the writer (it may be stdout): never close it behind its back.
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** Writes {@code value} as indented JSON and a final line break. */
    static void write(ObjectMapper mapper, Object value, Writer out) throws IOException {
        mapper.writeValue(out, value);
        out.write("\n");
        out.flush();
    }
}
