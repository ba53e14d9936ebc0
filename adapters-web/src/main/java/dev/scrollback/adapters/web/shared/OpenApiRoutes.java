package dev.scrollback.adapters.web.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrollback.adapters.web.Routes;
import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 document generated, once at start, from what the other routes (and this
 * one) {@link Routes#describe describe}. A description naming an unsupported type fails the start, not a request.
 */
public final class OpenApiRoutes implements Routes {
    public static final String PATH = "/openapi.json";
    private final ObjectNode document;
    private final String text;

    public OpenApiRoutes(String title, String version, List<Routes> others) {
        var all = new ArrayList<Routes>(others);
        all.add(this);
        this.document = OpenApiDocument.of(title, version, describedBy(all));
        try {
            this.text = Json.mapper().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document does not serialize", e);
        }
    }

    /** Every endpoint the routes describe, in order. */
    public static List<Endpoint> describedBy(List<Routes> routes) {
        var api = new Api();
        routes.forEach(r -> r.describe(api));
        return api.endpoints();
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, ctx -> ctx.contentType("application/json").result(text));
    }

    @Override
    public void describe(Api api) {
        api.get(PATH).summary("This OpenAPI 3.1 document").answers(200, "application/json");
    }

    public ObjectNode document() {
        return document.deepCopy();
    }
}
