package dev.scrollback.bootstrap;

import static dev.scrollback.bootstrap.PasswordResetEndToEndTest.slug;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.plugins.PluginPackage;
import dev.scrollback.application.shared.ControlledClock;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, item 5, over real HTTP in the running application: a member submits a plugin package and hears what the
 * scan found, a sysop sees it in the registry and approves and publishes it, and every step is in the feed; a package
 * whose manifest cannot be read, a module the scan refuses, and a member who tries to approve are each refused. A
 * package may be megabytes, while every other route keeps the server's body limit.
 */
class PluginsEndToEndTest {
    /** (module (memory (export "memory") 1 1) (func (export "filter_message_content") (result i32) (i32.const 0))) */
    static final String ACCEPT_ALL = "AGFzbQEAAAABBQFgAAF/AwIBAAUEAQEBAQcjAgZtZW1vcnkCABZmaWx0ZXJfbWVzc2FnZV9jb250ZW50AAAKBgEEAEEACw==";
    static final String MANIFEST = """
            name = "accept-all"
            version = "1.0.0"
            requires = ">=0.1.0"
            description = "Lets every message through"
            author = "Amiga"
            license = "MIT"
            engine = "wasm"
            entry = "plugin.wasm"
            hooks = ["filter_message_content"]
            """;

    @TempDir
    Path data;

    final ControlledClock clock = ControlledClock.at("2031-05-01T12:00:00Z");

    @Test
    void a_package_is_submitted_scanned_approved_and_published_and_each_step_is_an_event() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var web = bbs.web();
            bbs.signUp("Amiga", "amiga@example.test");
            var amiga = web.logIn("Amiga", TestBbs.PASSWORD);
            var sysop = bbs.sysop();

            var submitted = web.post("/api/v1/plugins", Map.of("manifest", MANIFEST, "code", ACCEPT_ALL), amiga);
            assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(201);
            assertThat(submitted.body().get("passed").asBoolean()).isTrue();
            var id = submitted.body().get("id").asText();
            var sha256 = submitted.body().get("sha256").asText();
            assertThat(data.resolve("plugins").resolve(sha256)).as("the package, kept by its hash").isDirectory();

            assertThat(slug(web.post("/api/v1/admin/plugins/" + id + "/approve", Map.of(), amiga))).isEqualTo("forbidden");
            assertThat(web.get("/api/v1/admin/plugins", amiga).status()).isEqualTo(403);
            var approved = web.post("/api/v1/admin/plugins/" + id + "/approve", Map.of(), sysop);
            assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
            assertThat(approved.body().get("changed").asBoolean()).isTrue();
            assertThat(web.post("/api/v1/admin/plugins/" + id + "/approve", Map.of(), sysop).body().get("changed").asBoolean())
                    .as("again").isFalse();
            assertThat(web.post("/api/v1/admin/plugins/" + id + "/publish", Map.of(), sysop).status()).isEqualTo(200);

            var published = WalkingSkeletonEndToEndTest.untilTrue(() -> {
                var plugins = web.get("/api/v1/admin/plugins", sysop).body().get("plugins");
                return plugins.size() == 1 && plugins.get(0).get("status").asText().equals("published") ? plugins.toString() : "";
            });
            assertThat(published).contains("\"name\":\"accept-all\"", "\"submittedBy\":\"Amiga\"", "\"engine\":\"wasm\"");

            // Installing needs a trusted publisher's signature over the package's hash; the sysop trusts a key first.
            var publisher = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            var forged = Base64.getEncoder().encodeToString(sign(publisher, sha256));
            assertThat(slug(web.post("/api/v1/admin/plugins/" + id + "/install", Map.of("signature", forged), sysop)))
                    .as("no publisher trusted yet").isEqualTo("signature-refused");
            Files.writeString(data.resolve("plugins/publishers/amiga-labs.pub"),
                    Base64.getEncoder().encodeToString(publisher.getPublic().getEncoded()));
            var installed = web.post("/api/v1/admin/plugins/" + id + "/install", Map.of("signature", forged), sysop);
            assertThat(installed.status()).as(installed.body().toString()).isEqualTo(200);
            assertThat(installed.body().get("publisherKey").asText()).isEqualTo("amiga-labs");
            for (var step : List.of("enable", "disable", "uninstall")) {
                var done = web.post("/api/v1/admin/plugins/" + id + "/" + step, Map.of(), sysop);
                assertThat(done.status()).as(step + ": " + done.body()).isEqualTo(200);
                assertThat(done.body().get("changed").asBoolean()).as(step).isTrue();
            }
            WalkingSkeletonEndToEndTest.untilTrue(() -> web.get("/api/v1/admin/plugins", sysop).body().get("plugins").get(0)
                    .get("status").asText().equals("uninstalled") ? "uninstalled" : "");

            var feed = WalkingSkeletonEndToEndTest.readFeed(web, sysop).stream()
                    .filter(e -> e.get("type").asText().startsWith("Plugin")).toList();
            assertThat(feed).extracting(e -> e.get("type").asText()).containsExactly("PluginSubmitted", "PluginScanned",
                    "PluginApproved", "PluginPublished", "PluginInstalled", "PluginEnabled", "PluginDisabled", "PluginUninstalled");
            assertThat(feed).extracting(e -> e.at("/actor/kind").asText())
                    .containsExactly("user", "system", "user", "user", "user", "user", "user", "user");
            assertThat(feed.get(4).at("/data/publisherKey").asText()).isEqualTo("amiga-labs");
            assertThat(feed.getFirst().at("/data/name").asText()).isEqualTo("accept-all");
        }
    }

    @Test
    void the_version_plugins_are_checked_against_is_the_poms() throws Exception {
        var pom = Files.readString(Path.of("..", "pom.xml"));
        var version = pom.replaceFirst("(?s).*?<artifactId>scrollback-parent</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
        assertThat(version.replace("-SNAPSHOT", "")).isEqualTo(PluginsWiring.VERSION);
    }

    @Test
    void a_megabyte_package_is_taken_other_routes_keep_their_limit_and_an_oversize_package_is_refused_unrecorded()
            throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var web = bbs.web();
            bbs.signUp("Amiga", "amiga@example.test");
            var amiga = web.logIn("Amiga", TestBbs.PASSWORD);

            var megabyte = web.post("/api/v1/plugins", Map.of("manifest", MANIFEST,
                    "code", Base64.getEncoder().encodeToString(withCustomSection(ACCEPT_ALL, 1 << 20))), amiga);
            assertThat(megabyte.status()).as(megabyte.body().toString()).isEqualTo(201);
            assertThat(megabyte.body().get("passed").asBoolean()).as(megabyte.body().toString()).isTrue();
            assertThat(data.resolve("plugins").resolve(megabyte.body().get("sha256").asText())).isDirectory();

            var elsewhere = web.post("/api/v1/sessions", Map.of("handle", "Amiga", "password", "x".repeat(200 * 1024)));
            assertThat(elsewhere.status()).as(elsewhere.body().toString()).isEqualTo(413);
            assertThat(slug(elsewhere)).isEqualTo("content-too-large");
            assertThat(elsewhere.body().get("detail").asText()).contains(Integer.toString(128 * 1024));
            var chunkedElsewhere = web.postChunkedWhileReading("/api/v1/sessions", "", new byte[200 * 1024]);
            assertThat(chunkedElsewhere.status()).as("a chunked body, no Content-Length").isEqualTo(413);
            assertThat(slug(chunkedElsewhere)).isEqualTo("content-too-large");

            var tooMuchCode = web.post("/api/v1/plugins", Map.of("manifest", MANIFEST,
                    "code", base64("x".repeat(PluginPackage.MAX_CODE_BYTES + 1))), amiga);
            assertThat(tooMuchCode.status()).as(tooMuchCode.body().toString()).isEqualTo(413);
            assertThat(tooMuchCode.body().get("field").asText()).isEqualTo("code");
            var tooLarge = web.post("/api/v1/plugins", Map.of("manifest", MANIFEST,
                    "code", base64("x".repeat(2 * PluginPackage.MAX_CODE_BYTES))), amiga);
            assertThat(slug(tooLarge)).as("over the route's own limit, by its length").isEqualTo("content-too-large");
            var chunkedTooLarge = web.postChunkedWhileReading("/api/v1/plugins", amiga, new byte[8 * PluginPackage.MAX_CODE_BYTES]);
            assertThat(chunkedTooLarge.status()).as("over the route's own limit, counted").isEqualTo(413);

            assertThat(WalkingSkeletonEndToEndTest.readFeed(web, bbs.sysop()).stream()
                    .filter(e -> e.get("type").asText().equals("PluginSubmitted"))).as("only the megabyte").hasSize(1);
            try (var kept = Files.list(data.resolve("plugins"))) {
                assertThat(kept.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}"))).hasSize(1);
            }
            assertThat(web.get("/api/v1/me", amiga).status()).as("the server still serves").isEqualTo(200);
        }
    }

    /** The module with a custom section of {@code bytes} zeros appended (id 0, size, name "pad"): still valid. */
    private static byte[] withCustomSection(String moduleBase64, int bytes) {
        var module = Base64.getDecoder().decode(moduleBase64);
        var name = "pad".getBytes(StandardCharsets.US_ASCII);
        var out = new ByteArrayOutputStream();
        out.writeBytes(module);
        out.write(0);
        out.writeBytes(leb128(1 + name.length + bytes));
        out.write(name.length);
        out.writeBytes(name);
        out.writeBytes(new byte[bytes]);
        return out.toByteArray();
    }

    private static byte[] leb128(int value) {
        var out = new ByteArrayOutputStream();
        do {
            int low = value & 0x7f;
            value >>>= 7;
            out.write(value == 0 ? low : low | 0x80);
        } while (value != 0);
        return out.toByteArray();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A POST whose body is streamed in chunks, without a Content-Length. */
    private static byte[] sign(KeyPair keys, String text) throws Exception {
        var signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(text.getBytes(StandardCharsets.US_ASCII));
        return signer.sign();
    }

    @Test
    void unreadable_manifests_refused_modules_and_bad_input_are_answered_with_problems() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var web = bbs.web();
            bbs.signUp("Amiga", "amiga@example.test");
            var amiga = web.logIn("Amiga", TestBbs.PASSWORD);
            var sysop = bbs.sysop();

            var unreadable = web.post("/api/v1/plugins", Map.of("manifest", "name = \"Bad Name\"\ncolour = 1\n",
                    "code", ACCEPT_ALL), amiga);
            assertThat(unreadable.status()).isEqualTo(422);
            assertThat(unreadable.body().get("detail").asText()).contains("name:", "colour:", "version: required");

            var notWasm = web.post("/api/v1/plugins", Map.of("manifest", MANIFEST, "code", "bm90IGEgbW9kdWxl"), amiga);
            assertThat(notWasm.status()).isEqualTo(201);
            assertThat(notWasm.body().get("passed").asBoolean()).isFalse();
            assertThat(notWasm.body().get("findings")).isNotEmpty();
            var refusedId = notWasm.body().get("id").asText();
            assertThat(slug(web.post("/api/v1/admin/plugins/" + refusedId + "/approve", Map.of(), sysop))).isEqualTo("scan-failed");
            var rescanned = web.post("/api/v1/admin/plugins/" + refusedId + "/rescan", Map.of(), sysop);
            assertThat(rescanned.status()).as(rescanned.body().toString()).isEqualTo(200);
            assertThat(rescanned.body().get("passed").asBoolean()).isFalse();
            assertThat(slug(web.post("/api/v1/admin/plugins/" + refusedId + "/rescan", Map.of(), amiga))).isEqualTo("forbidden");

            var script = MANIFEST.replace("accept-all", "welcome").replace("\"wasm\"", "\"js\"")
                    .replace("plugin.wasm", "main.js").replace("filter_message_content", "on_user_login");
            var welcome = web.post("/api/v1/plugins", Map.of("manifest", script, "code", Base64.getEncoder().encodeToString(
                    "function on_user_login(input) { return 'Welcome, ' + input; }".getBytes(StandardCharsets.UTF_8))), amiga);
            assertThat(welcome.body().get("passed").asBoolean()).as("a script is parsed: " + welcome.body()).isTrue();
            var broken = web.post("/api/v1/plugins", Map.of("manifest", script, "code", Base64.getEncoder().encodeToString(
                    "function on_user_login( {".getBytes(StandardCharsets.UTF_8))), amiga);
            assertThat(broken.status()).as(broken.body().toString()).isEqualTo(201);
            assertThat(broken.body().get("findings").get(0).asText()).startsWith("the script does not parse");

            assertThat(web.post("/api/v1/plugins", Map.of("manifest", MANIFEST, "code", "***"), amiga).status()).isEqualTo(400);
            assertThat(web.post("/api/v1/plugins", Map.of("manifest", MANIFEST), amiga).status()).isEqualTo(400);
            assertThat(web.post("/api/v1/admin/plugins/not-an-id/approve", Map.of(), sysop).status()).isEqualTo(400);
            assertThat(slug(web.post("/api/v1/admin/plugins/0190c1e2-7b3a-7c4d-8e5f-000000000000/approve", Map.of(), sysop)))
                    .isEqualTo("not-found");
            assertThat(web.get("/api/v1/me", amiga).status()).as("the server still serves").isEqualTo(200);
        }
    }
}
