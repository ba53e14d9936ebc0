package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrollback.adapters.web.WebServer;
import dev.scrollback.adapters.web.shared.OpenApiDocument;
import dev.scrollback.application.shared.ControlledClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §4, issue 4 item 5: {@code GET /openapi.json} of the running app documents exactly the endpoints the running
 * server has, so an endpoint added without a description (or a description left behind) fails here.
 */
class OpenApiEndToEndTest {
    @TempDir
    Path data;

    @Test
    void the_served_document_lists_exactly_the_endpoints_of_the_running_server() throws Exception {
        try (var bbs = TestBbs.start(data, new ControlledClock(Instant.parse("2026-03-01T12:00:00Z")))) {
            var answer = bbs.web().get("/openapi.json");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.contentType()).startsWith("application/json");
            var document = answer.body();
            assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
            assertThat(document.at("/info/title").asText()).isEqualTo("Scrollback");
            assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
            assertReferencesResolve(document, document);

            var served = bbs.app().getBean(WebServer.class).endpoints();
            var described = OpenApiDocument.operations(document);
            assertThat(served).as("endpoints the server has").hasSizeGreaterThan(40);
            assertThat(described).as("described endpoints the server does not have").isSubsetOf(served);
            var undescribed = new ArrayList<>(served);
            undescribed.removeAll(described);
            assertThat(undescribed).as("endpoints without a description").isEmpty();
            assertThat(described).contains("GET /openapi.json", "POST /api/v1/sessions", "GET /api/v1/boards",
                    "POST /api/v1/admin/users/{handle}/lock", "GET /health/ready", "GET /terminal");
        }
    }

    private static void assertReferencesResolve(JsonNode document, JsonNode node) {
        if (node.has("$ref")) {
            var ref = node.path("$ref").asText();
            assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
        node.forEach(child -> assertReferencesResolve(document, child));
    }
}
