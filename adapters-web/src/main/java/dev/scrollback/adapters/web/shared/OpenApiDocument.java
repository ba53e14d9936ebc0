package dev.scrollback.adapters.web.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document of a set of {@link Endpoint} descriptions (SPEC §4). Generated from the descriptions the
 * routes declare, so it lists what the server serves; the "cannot drift" tests compare it with the server's endpoints.
 */
public final class OpenApiDocument {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    private OpenApiDocument() {}

    public static ObjectNode of(String title, String version, List<Endpoint> endpoints) {
        var schemas = new JsonSchemas();
        var document = NODES.objectNode();
        document.put("openapi", "3.1.0");
        document.putObject("info").put("title", title).put("version", version)
                .put("description", "Problems are RFC 9457 application/problem+json; the type URI ends in a stable slug.");
        var paths = document.putObject("paths");
        for (var endpoint : endpoints) {
            var item = paths.has(endpoint.path()) ? (ObjectNode) paths.get(endpoint.path()) : paths.putObject(endpoint.path());
            item.set(endpoint.method().toLowerCase(Locale.ROOT), operation(endpoint, schemas));
        }
        schemas.of(Problem.class);                               // the Problem component, even if nothing fails
        var components = document.putObject("components");
        var all = schemas.components();
        ((ObjectNode) all.get("Problem")).putArray("required")       // writeTo fills in every member but "field"
                .add("type").add("title").add("status").add("detail").add("instance");
        components.set("schemas", all);
        components.putObject("securitySchemes").putObject("bearer")
                .put("type", "http").put("scheme", "bearer")
                .put("description", "An access token from POST /api/v1/sessions, or an API key.");
        return document;
    }

    /** The operations of a document as {@code METHOD /path}, to compare with {@code WebServer.endpoints()}. */
    public static List<String> operations(JsonNode document) {
        var operations = new ArrayList<String>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(
                operation -> operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    private static ObjectNode operation(Endpoint endpoint, JsonSchemas schemas) {
        if (endpoint.summaryText().isBlank()) throw new IllegalArgumentException(endpoint.key() + " has no summary");
        if (endpoint.answerMap().isEmpty()) throw new IllegalArgumentException(endpoint.key() + " answers nothing");
        var operation = NODES.objectNode();
        operation.put("summary", endpoint.summaryText());
        operation.put("operationId", operationId(endpoint));
        var parameters = NODES.arrayNode();
        var names = PATH_PARAMETER.matcher(endpoint.path());
        while (names.find()) {
            parameters.addObject().put("name", names.group(1)).put("in", "path").put("required", true)
                    .putObject("schema").put("type", "string");
        }
        endpoint.queryNames().forEach(name -> parameters.addObject().put("name", name).put("in", "query")
                .put("required", false).putObject("schema").put("type", "string"));
        if (!parameters.isEmpty()) operation.set("parameters", parameters);
        endpoint.bodyType().ifPresent(type -> {
            var body = operation.putObject("requestBody").put("required", endpoint.bodyIsRequired());
            body.putObject("content").putObject("application/json").set("schema", schemas.of(type));
        });
        var responses = operation.putObject("responses");
        endpoint.answerMap().forEach((status, answer) -> {
            var response = responses.putObject(String.valueOf(status)).put("description", reason(status));
            if (!answer.mediaType().isEmpty()) {
                var media = response.putObject("content").putObject(answer.mediaType());
                answer.type().ifPresent(type -> media.set("schema", schemas.of(type)));
            }
        });
        for (int status : endpoint.problemStatuses()) {
            responses.putObject(String.valueOf(status)).put("description", reason(status))
                    .putObject("content").putObject(Problem.CONTENT_TYPE).set("schema", schemas.of(Problem.class));
        }
        if (endpoint.needsBearer()) operation.putArray("security").addObject().putArray("bearer");
        return operation;
    }

    /** e.g. {@code post_api_v1_admin_users_handle_unlock}: unique because method + path is. */
    private static String operationId(Endpoint endpoint) {
        var path = endpoint.path().replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
        return endpoint.method().toLowerCase(Locale.ROOT) + (path.isEmpty() ? "" : "_" + path);
    }

    private static String reason(int status) {
        var known = HttpStatus.forStatus(status);
        return known == HttpStatus.UNKNOWN ? "HTTP " + status : known.getMessage();
    }
}
