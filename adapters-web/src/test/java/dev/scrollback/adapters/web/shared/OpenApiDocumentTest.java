package dev.scrollback.adapters.web.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.adapters.web.accounts.AccountRoutes;
import dev.scrollback.adapters.web.accounts.JwksRoutes;
import dev.scrollback.adapters.web.accounts.MeRoutes;
import dev.scrollback.adapters.web.Sessions;
import dev.scrollback.adapters.web.health.HealthRoutes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §4: the OpenAPI document is generated from what the routes describe, and it matches what the server serves. */
class OpenApiDocumentTest {
    @TempDir
    Path keys;

    enum Colour {
        RED, DARK_BLUE
    }

    record Tag(String name) {}

    record Sample(String text, boolean flag, int count, long big, Instant at, Optional<String> maybe, List<Tag> tags,
                  Tag main, Colour colour, Map<String, Boolean> checks) {}

    record Form(String name) {}

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Sparse(String note, int count, @com.fasterxml.jackson.annotation.JsonRawValue String data) {}

    @Test
    void members_jackson_may_leave_out_are_not_required_and_raw_json_is_any_value() {
        var api = new Api();
        api.get("/sparse").summary("Sparse").answers(200, Sparse.class);
        var sparse = OpenApiDocument.of("Test", "1", api.endpoints()).at("/components/schemas/Sparse");
        assertThat(texts(sparse.path("required"))).containsExactly("count");
        assertThat(sparse.at("/properties/data").isEmpty()).isTrue();
    }

    @Test
    void schemas_come_from_record_components() {
        var api = new Api();
        api.post("/things/{id}").summary("Make a thing").authenticated().body(Form.class)
                .answers(201, Sample.class).problems(409);
        var document = OpenApiDocument.of("Test", "1", api.endpoints());

        var sample = document.at("/components/schemas/Sample");
        assertThat(sample.path("type").asText()).isEqualTo("object");
        var properties = sample.path("properties");
        assertThat(properties.at("/text/type").asText()).isEqualTo("string");
        assertThat(properties.at("/flag/type").asText()).isEqualTo("boolean");
        assertThat(properties.at("/count/format").asText()).isEqualTo("int32");
        assertThat(properties.at("/big/format").asText()).isEqualTo("int64");
        assertThat(properties.at("/at/format").asText()).isEqualTo("date-time");
        assertThat(properties.at("/maybe/type").asText()).isEqualTo("string");
        assertThat(properties.at("/tags/type").asText()).isEqualTo("array");
        assertThat(properties.at("/tags/items/$ref").asText()).isEqualTo("#/components/schemas/Tag");
        assertThat(properties.at("/main/$ref").asText()).isEqualTo("#/components/schemas/Tag");
        assertThat(texts(properties.at("/colour/enum"))).containsExactly("RED", "DARK_BLUE");
        assertThat(properties.at("/checks/additionalProperties/type").asText()).isEqualTo("boolean");
        assertThat(texts(sample.path("required"))).contains("text", "tags", "colour").doesNotContain("maybe");
        assertThat(document.at("/components/schemas/Tag/properties/name/type").asText()).isEqualTo("string");
    }

    @Test
    void an_operation_has_its_parameters_body_answers_problems_and_security() {
        var api = new Api();
        api.post("/things/{id}").summary("Make a thing").authenticated().body(Form.class)
                .answers(201, Sample.class).problems(409);
        var operation = OpenApiDocument.of("Test", "1", api.endpoints()).at("/paths/~1things~1{id}/post");

        assertThat(operation.path("summary").asText()).isEqualTo("Make a thing");
        assertThat(operation.at("/parameters/0/name").asText()).isEqualTo("id");
        assertThat(operation.at("/parameters/0/in").asText()).isEqualTo("path");
        assertThat(operation.at("/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Form");
        assertThat(operation.at("/responses/201/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Sample");
        for (var status : List.of("401", "409")) {
            assertThat(operation.at("/responses/" + status + "/content/application~1problem+json/schema/$ref").asText())
                    .as(status).isEqualTo("#/components/schemas/Problem");
        }
        assertThat(operation.at("/security/0").has("bearer")).isTrue();
    }

    @Test
    void a_type_without_a_schema_is_refused_rather_than_documented_as_anything() {
        record Odd(Object what) {}
        var api = new Api();
        api.get("/odd").summary("Odd").answers(200, Odd.class);
        assertThatThrownBy(() -> OpenApiDocument.of("Test", "1", api.endpoints()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object");
    }

    @Test
    void describing_an_endpoint_twice_is_refused() {
        var api = new Api();
        api.get("/a").summary("A").answers(204);
        assertThatThrownBy(() -> api.get("/a")).hasMessageContaining("GET /a");
    }

    @Test
    void the_served_document_is_well_formed_and_lists_exactly_the_served_endpoints() {
        var sessions = new Sessions(keys);
        var routes = List.<Routes>of(
                new AccountRoutes(c -> { throw unreached(); }, c -> { throw unreached(); }, c -> { throw unreached(); }),
                new MeRoutes(c -> { throw unreached(); }, sessions.authentication),
                new HealthRoutes(List.of()),
                new JwksRoutes(sessions.tokens));
        var all = new ArrayList<>(routes);
        all.add(new OpenApiRoutes("Scrollback", "v1", routes));
        try (var server = TestServer.start(all.toArray(Routes[]::new))) {
            var response = server.get(OpenApiRoutes.PATH);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            var document = TestServer.json(response);

            assertWellFormed(document);
            assertThat(OpenApiDocument.operations(document))
                    .containsExactlyInAnyOrderElementsOf(server.server().endpoints())
                    .contains("GET /openapi.json", "POST /api/v1/accounts", "GET /.well-known/jwks.json");
        }
    }

    @Test
    void an_undescribed_endpoint_shows_up_as_a_difference() {
        Routes undescribed = routes -> routes.get("/secret", ctx -> ctx.result("hidden"));
        var openApi = new OpenApiRoutes("Scrollback", "v1", List.of(undescribed));
        try (var server = TestServer.start(undescribed, openApi)) {
            assertThat(server.server().endpoints()).contains("GET /secret");
            assertThat(OpenApiDocument.operations(openApi.document())).containsExactly("GET /openapi.json");
        }
    }

    /** The structure OpenAPI 3.1 requires of us, and that every reference resolves. */
    static void assertWellFormed(JsonNode document) {
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.at("/info/title").asText()).isNotBlank();
        assertThat(document.at("/info/version").asText()).isNotBlank();
        assertThat(document.path("paths").isObject()).isTrue();
        assertThat(document.at("/components/schemas/Problem/properties/type/format").asText()).isEqualTo("uri");
        assertThat(texts(document.at("/components/schemas/Problem/required"))).contains("type", "status", "detail");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        var operationIds = new HashSet<String>();
        document.path("paths").properties().forEach(path -> {
            assertThat(path.getKey()).startsWith("/");
            var templated = new HashSet<String>();
            var names = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
            while (names.find()) templated.add(names.group(1));
            path.getValue().properties().forEach(entry -> {
                var operation = entry.getValue();
                var what = entry.getKey() + " " + path.getKey();
                assertThat(entry.getKey()).as(what).isIn("get", "put", "post", "delete", "patch", "head", "options");
                assertThat(operation.path("summary").asText()).as(what).isNotBlank();
                assertThat(operationIds.add(operation.path("operationId").asText())).as(what + " operationId").isTrue();
                assertThat(operation.path("responses").size()).as(what).isPositive();
                var declared = new HashSet<String>();
                operation.path("parameters").forEach(p -> {
                    if (p.path("in").asText().equals("path")) declared.add(p.path("name").asText());
                });
                assertThat(declared).as(what + " path parameters").isEqualTo(templated);
            });
        });
        assertReferencesResolve(document, document);
    }

    private static void assertReferencesResolve(JsonNode document, JsonNode node) {
        if (node.has("$ref")) {
            var ref = node.path("$ref").asText();
            assertThat(ref).startsWith("#/");
            assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
        node.forEach(child -> assertReferencesResolve(document, child));
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static IllegalStateException unreached() {
        return new IllegalStateException("no use case is reached in this test");
    }
}
