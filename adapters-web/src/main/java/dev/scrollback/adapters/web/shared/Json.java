package dev.scrollback.adapters.web.shared;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson 2 mapper of the web adapter, also handed to Javalin. Strict on input (no type coercion, no duplicate
 * keys, no trailing tokens, shallow nesting) so that a wrong type is a 400, lenient only about unknown fields.
 */
public final class Json {
    private static final int MAX_STRING_LENGTH = 256 * 1024;
    private static final ObjectMapper MAPPER = create(MAX_STRING_LENGTH);

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The same mapper, except that one string may be up to {@code maxStringLength} characters, for the route whose
     * body carries a long value (a plugin's code in base64). A new mapper each time: build it once and keep it.
     */
    public static ObjectMapper withStringsUpTo(int maxStringLength) {
        return create(Math.max(maxStringLength, MAX_STRING_LENGTH));
    }

    private static ObjectMapper create(int maxStringLength) {
        var factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(32)
                        .maxStringLength(maxStringLength)
                        .maxNumberLength(64)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // requests and live connections run on virtual threads: a shared, bounded pool of buffers rather than
                // Jackson's default of one set per thread, which each long-lived connection would keep
                .recyclerPool(JsonRecyclerPools.sharedBoundedPool())
                .build();
        var mapper = JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        // "handle": 5 is a client bug, not the handle "5"
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
