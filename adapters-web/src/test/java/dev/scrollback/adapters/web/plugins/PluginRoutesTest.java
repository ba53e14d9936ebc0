package dev.scrollback.adapters.web.plugins;

import static dev.scrollback.adapters.web.TestServer.assertProblem;
import static dev.scrollback.adapters.web.TestServer.bearer;
import static dev.scrollback.adapters.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.web.Sessions;
import dev.scrollback.adapters.web.TestServer;
import dev.scrollback.adapters.web.WebSettings;
import dev.scrollback.adapters.web.shared.Json;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.plugins.ListPlugins;
import dev.scrollback.application.plugins.ManagePlugins;
import dev.scrollback.application.plugins.PluginPackage;
import dev.scrollback.application.plugins.PluginScanner;
import dev.scrollback.application.plugins.Plugins;
import dev.scrollback.application.plugins.ReviewPlugins;
import dev.scrollback.application.plugins.SubmitPlugin;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.plugins.Engine;
import dev.scrollback.domain.plugins.PackageSha256;
import dev.scrollback.domain.plugins.PluginId;
import dev.scrollback.domain.plugins.PluginVersion;
import dev.scrollback.domain.plugins.PublisherKeyId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.PluginName;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The submission route's own body limit: the largest package fits, whatever its manifest holds; more does not. And
 * the registry's view of a version.
 */
class PluginRoutesTest {
    @TempDir
    Path keys;

    final List<PluginPackage> submitted = new CopyOnWriteArrayList<>();

    final SubmitPlugin submit = (caller, content, origin) -> {
        submitted.add(content);
        return new SubmitPlugin.Submitted(new PluginId(UUID.randomUUID()), content.sha256(), true, List.of());
    };

    @Test
    void the_largest_package_fits_even_with_every_manifest_byte_escaped() throws Exception {
        var manifest = "\u0001".repeat(PluginPackage.MAX_MANIFEST_BYTES);   // a control character: 6 characters in JSON
        var code = new byte[PluginPackage.MAX_CODE_BYTES];
        var body = body(manifest, code);
        assertThat((long) body.length()).isGreaterThan(6L * PluginPackage.MAX_MANIFEST_BYTES + PluginRoutes.MAX_CODE_BASE64_CHARS - 1)
                .isLessThanOrEqualTo(PluginRoutes.MAX_SUBMISSION_BYTES);

        try (var server = start()) {
            var response = server.postAskingFirst(PluginRoutes.SUBMIT, body, "Authorization", member());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(submitted).hasSize(1);
            assertThat(submitted.getFirst().code()).hasSize(PluginPackage.MAX_CODE_BYTES);
        }
    }

    @Test
    void a_body_past_the_routes_limit_is_refused_before_it_is_read() throws Exception {
        try (var server = start()) {
            var body = body("name = \"x\"", new byte[16]) + " ".repeat((int) PluginRoutes.MAX_SUBMISSION_BYTES);
            var response = server.postAskingFirst(PluginRoutes.SUBMIT, body, "Authorization", member());
            assertProblem(response, 413, "content-too-large");
            assertThat(json(response).path("detail").asText()).contains(Long.toString(PluginRoutes.MAX_SUBMISSION_BYTES));
            assertThat(submitted).isEmpty();
        }
    }

    @Test
    void code_or_a_manifest_over_a_packages_size_is_413_and_nothing_is_submitted() throws Exception {
        try (var server = start()) {
            var code = server.postAskingFirst(PluginRoutes.SUBMIT, body("name = \"x\"", new byte[PluginPackage.MAX_CODE_BYTES + 1]),
                    "Authorization", member());
            assertProblem(code, 413, "content-too-large");
            assertThat(json(code).path("field").asText()).isEqualTo("code");
            assertThat(json(code).path("detail").asText()).contains(Integer.toString(PluginPackage.MAX_CODE_BYTES));

            var manifest = server.postAskingFirst(PluginRoutes.SUBMIT,
                    body("#".repeat(PluginPackage.MAX_MANIFEST_BYTES + 1), new byte[16]), "Authorization", member());
            assertProblem(manifest, 413, "content-too-large");
            assertThat(json(manifest).path("field").asText()).isEqualTo("manifest");
            assertThat(submitted).isEmpty();
        }
    }

    @Test
    void other_plugin_routes_keep_the_servers_limit() throws Exception {
        try (var server = start()) {
            var signature = "{\"signature\":\"" + "A".repeat(WebSettings.DEFAULT_MAX_BODY_BYTES) + "\"}";
            var response = server.postAskingFirst(PluginRoutes.REGISTRY + "/" + UUID.randomUUID() + "/install", signature,
                    "Authorization", member());
            assertProblem(response, 413, "content-too-large");
            assertThat(json(response).path("detail").asText()).contains(Integer.toString(WebSettings.DEFAULT_MAX_BODY_BYTES));
        }
    }

    @Test
    void the_registry_lists_each_version_with_its_packages_hash_for_the_publisher_to_sign() throws Exception {
        var sha256 = new PackageSha256("0123456789abcdef".repeat(4));
        var entry = new Plugins.Entry(new PluginId(UUID.randomUUID()), new PluginName("accept-all"), PluginVersion.parse("1.2.0"),
                Engine.WASM, sha256, Plugins.Status.PUBLISHED, new Handle("amiga"), Instant.parse("2025-03-01T19:00:00Z"),
                List.of(), 0);
        try (var server = start(caller -> List.of(entry))) {
            var response = server.get(PluginRoutes.REGISTRY, "Authorization", sysop());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            var listed = json(response).path("plugins").path(0);
            assertThat(listed.path("id").asText()).isEqualTo(entry.id().value().toString());
            assertThat(listed.path("sha256").asText()).isEqualTo(sha256.hex());
            assertThat(listed.path("status").asText()).isEqualTo("published");
        }
    }

    private Sessions sessions;

    private TestServer start() {
        return start(caller -> List.of());
    }

    private TestServer start(ListPlugins list) {
        sessions = new Sessions(keys);
        return TestServer.start(new PluginRoutes(submit, UNUSED_REVIEW, list, UNUSED_MANAGE, sessions.authentication));
    }

    private String sysop() {
        return bearer(sessions.accessToken(sessions.open("root", Role.SYSOP)));
    }

    private String member() {
        return bearer(sessions.accessToken(sessions.open("amiga", Role.MEMBER)));
    }

    private static String body(String manifest, byte[] code) throws Exception {
        return Json.mapper().writeValueAsString(Map.of("manifest", manifest, "code", Base64.getEncoder().encodeToString(code)));
    }

    private static final ReviewPlugins UNUSED_REVIEW = new ReviewPlugins() {
        @Override
        public boolean approve(Caller caller, PluginId plugin, Origin origin) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean publish(Caller caller, PluginId plugin, Origin origin) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PluginScanner.Verdict rescan(Caller caller, PluginId plugin, Origin origin) {
            throw new UnsupportedOperationException();
        }
    };

    private static final ManagePlugins UNUSED_MANAGE = new ManagePlugins() {
        @Override
        public Optional<PublisherKeyId> install(Caller caller, PluginId plugin, byte[] signature, Origin origin) {
            throw new UnsupportedOperationException(Arrays.toString(signature));
        }

        @Override
        public boolean enable(Caller caller, PluginId plugin, Origin origin) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean disable(Caller caller, PluginId plugin, Origin origin) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean uninstall(Caller caller, PluginId plugin, Origin origin) {
            throw new UnsupportedOperationException();
        }
    };
}
