package dev.scrollback.adapters.web.health;

import static dev.scrollback.adapters.web.TestServer.assertSecurityHeaders;
import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.adapters.web.TestServer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HealthRoutesTest {

    @Test
    void live_answers_up_without_asking_anything() {
        try (var server = TestServer.start(new HealthRoutes(List.of(new ReadinessCheck("store", () -> false))))) {
            var response = server.get("/health/live");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
            assertSecurityHeaders(response);
        }
    }

    @Test
    void ready_is_200_when_every_check_passes_and_503_listing_them_when_one_fails() {
        var projections = new AtomicBoolean(false);
        var checks = List.of(new ReadinessCheck("store", () -> true), new ReadinessCheck("projections", projections::get),
                new ReadinessCheck("telnet", () -> true), new ReadinessCheck("http", () -> true));
        try (var server = TestServer.start(new HealthRoutes(checks))) {
            var down = server.get("/health/ready");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).isEqualTo(
                    "{\"status\":\"DOWN\",\"checks\":{\"store\":true,\"projections\":false,\"telnet\":true,\"http\":true}}");

            projections.set(true);
            var up = server.get("/health/ready");
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(json(up).path("status").asText()).isEqualTo("UP");
            assertThat(json(up).path("checks").path("projections").asBoolean()).isTrue();
        }
    }

    @Test
    void a_check_that_throws_counts_as_down() {
        try (var server = TestServer.start(new HealthRoutes(List.of(new ReadinessCheck("store", () -> {
            throw new IllegalStateException("connection refused");
        }))))) {
            var response = server.get("/health/ready");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(json(response).path("checks").path("store").asBoolean()).isFalse();
        }
    }

    @Test
    void check_names_are_unique() {
        assertThatThrownBy(() -> new HealthRoutes(List.of(new ReadinessCheck("store", () -> true), new ReadinessCheck("store", () -> true))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
