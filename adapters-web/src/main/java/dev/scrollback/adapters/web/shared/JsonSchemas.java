package dev.scrollback.adapters.web.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;

/**
 * JSON Schemas (OpenAPI 3.1 dialect) of the records the web adapter reads and writes, from their components, as Jackson
 * (our {@link Json} mapper) puts them on the wire: {@code Optional} members are not required, {@code Instant} is a
 * date-time string, collections are arrays, enums list their wire names, nested records are {@code $ref} components.
 * A type it does not know is an error, so a new kind of member cannot silently document as "anything".
 */
final class JsonSchemas {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final Map<String, ObjectNode> components = new TreeMap<>();
    private final Map<Class<?>, String> names = new HashMap<>();

    /** A schema for {@code type}, registering components for the records it reaches. */
    ObjectNode of(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            if (Optional.class.equals(raw)) return of(p.getActualTypeArguments()[0]);
            if (Collection.class.isAssignableFrom(raw)) {
                return object("array").set("items", of(p.getActualTypeArguments()[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return object("object").set("additionalProperties", of(p.getActualTypeArguments()[1]));
            }
        }
        if (!(type instanceof Class<?> c)) throw new IllegalArgumentException("no JSON schema for " + type);
        if (c == String.class || c == CharSequence.class) return object("string");
        if (c == boolean.class || c == Boolean.class) return object("boolean");
        if (c == int.class || c == Integer.class || c == OptionalInt.class) return object("integer").put("format", "int32");
        if (c == long.class || c == Long.class || c == OptionalLong.class) return object("integer").put("format", "int64");
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) return object("number");
        if (c == Instant.class) return object("string").put("format", "date-time");
        if (c == LocalDate.class) return object("string").put("format", "date");
        if (c == URI.class) return object("string").put("format", "uri");
        if (c == UUID.class) return object("string").put("format", "uuid");
        if (JsonNode.class.isAssignableFrom(c)) return NODES.objectNode();     // any JSON value; the route checks it
        if (c.isEnum()) return enumeration(c);
        if (c.isRecord()) return ref(c);
        throw new IllegalArgumentException("no JSON schema for " + c.getName() + " (describe records of plain members)");
    }

    /** The {@code components.schemas} reached so far, by name. */
    ObjectNode components() {
        var all = NODES.objectNode();
        components.forEach(all::set);
        return all;
    }

    private ObjectNode ref(Class<?> record) {
        var known = names.get(record);
        if (known == null) {
            known = nameFor(record);
            names.put(record, known);
            components.put(known, NODES.objectNode());           // placeholder first: records may nest themselves
            components.put(known, recordSchema(record));
        }
        return NODES.objectNode().put("$ref", "#/components/schemas/" + known);
    }

    /** The simple name, or the enclosing class's name in front when another record took it (many routes have a "Page"). */
    private String nameFor(Class<?> record) {
        var name = record.getSimpleName();
        var outer = record.getEnclosingClass();
        while (components.containsKey(name) && outer != null) {
            name = outer.getSimpleName() + name;
            outer = outer.getEnclosingClass();
        }
        if (components.containsKey(name)) name = record.getName().replace('.', '_').replace('$', '_');
        return name;
    }

    private ObjectNode recordSchema(Class<?> record) {
        var schema = object("object");
        var properties = schema.putObject("properties");
        var required = NODES.arrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            var renamed = component.getAccessor().getAnnotation(JsonProperty.class);
            var field = component.getAnnotation(JsonProperty.class);
            var name = field != null && !field.value().isEmpty() ? field.value()
                    : renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
            var raw = component.isAnnotationPresent(JsonRawValue.class) || component.getAccessor().isAnnotationPresent(JsonRawValue.class);
            properties.set(name, raw ? NODES.objectNode() : of(component.getGenericType()));   // raw: JSON as is
            if (!optional(component.getType()) && !(omitsEmpty(record) && !component.getType().isPrimitive())) {
                required.add(name);
            }
        }
        if (!required.isEmpty()) schema.set("required", required);
        return schema;
    }

    /** Jackson leaves out null (or absent) members of such a record, so none of them is required. */
    private static boolean omitsEmpty(Class<?> record) {
        var include = record.getAnnotation(JsonInclude.class);
        return include != null && include.value() != JsonInclude.Include.ALWAYS && include.value() != JsonInclude.Include.USE_DEFAULTS;
    }

    private static boolean optional(Class<?> type) {
        return type == Optional.class || type == OptionalInt.class || type == OptionalLong.class;
    }

    private static ObjectNode enumeration(Class<?> type) {
        var schema = object("string");
        var values = schema.putArray("enum");
        for (var constant : type.getEnumConstants()) {
            values.add(Json.mapper().convertValue(constant, String.class));     // the wire name, @JsonValue and all
        }
        return schema;
    }

    private static ObjectNode object(String type) {
        return NODES.objectNode().put("type", type);
    }
}
