package dev.scrollback.adapters.web.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a request body into a form record. The body is read through Javalin's size limit (413 beyond it); anything
 * that is not a JSON object of the right shape becomes a {@link ValidationFailed} that names the field when it can.
 */
public final class JsonBody {
    private JsonBody() {}

    public static <T> T read(Context ctx, Class<T> form) {
        return read(ctx, form, Json.mapper());
    }

    /** With a mapper of {@link Json}'s that takes longer strings ({@link Json#withStringsUpTo}). */
    public static <T> T read(Context ctx, Class<T> form, ObjectMapper mapper) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) throw ValidationFailed.request("The request body must be a JSON object.");
        try {
            var value = mapper.readValue(body, form);
            if (value == null) throw ValidationFailed.request("The request body must be a JSON object, not null.");
            return value;
        } catch (MismatchedInputException e) {
            var field = pathOf(e);
            if (field.isEmpty()) throw ValidationFailed.request("The request body must be a JSON object.");
            throw ValidationFailed.field(field, "must be " + describe(e.getTargetType()));
        } catch (StreamConstraintsException e) {
            throw ValidationFailed.request("The request body is nested too deeply or holds a value that is too long.");
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw ValidationFailed.request(at == null ? "The request body is not valid JSON."
                    : "The request body is not valid JSON (line %d, column %d).".formatted(at.getLineNr(), at.getColumnNr()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);                   // reading a byte array does no I/O
        }
    }

    /** The text of a field that must be present and not blank. */
    public static String required(String value, String field) {
        if (value == null || value.isBlank()) throw ValidationFailed.required(field);
        return value;
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == null) return "of another type";
        if (type == String.class) return "a string";
        if (type == boolean.class || type == Boolean.class) return "true or false";
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) return "a whole number";
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) return "a number";
        if (Collection.class.isAssignableFrom(type) || type.isArray()) return "an array";
        if (Map.class.isAssignableFrom(type) || type.isRecord()) return "an object";
        return "of another type";
    }
}
