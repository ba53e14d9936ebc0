package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.shared.ControlledClock;
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
 * Issue 6, item 5, on the terminal: a member submits a plugin over REST; the sysop, on a real telnet client, finds it in
 * the registry and approves, publishes, installs (with a trusted publisher's signature, after a mistyped one) and enables
 * it; the admin REST list then shows it enabled — one registry, whichever channel took the steps.
 */
class PluginsTelnetEndToEndTest {
    @TempDir
    Path data;

    final ControlledClock clock = ControlledClock.at("2031-05-01T12:00:00Z");

    @Test
    void a_sysop_takes_a_submitted_plugin_to_enabled_on_telnet_and_rest_shows_it_enabled() throws Exception {
        try (var bbs = TestBbs.start(data, clock)) {
            var web = bbs.web();
            bbs.signUp("Amiga", "amiga@example.test");
            var amiga = web.logIn("Amiga", TestBbs.PASSWORD);
            var sysop = bbs.sysop();
            var submitted = web.post("/api/v1/plugins", Map.of("manifest", PluginsEndToEndTest.MANIFEST,
                    "code", PluginsEndToEndTest.ACCEPT_ALL), amiga);
            assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(201);
            var id = submitted.body().get("id").asText();
            var publisher = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.writeString(data.resolve("plugins/publishers/amiga-labs.pub"),
                    Base64.getEncoder().encodeToString(publisher.getPublic().getEncoded()));
            var signature = Base64.getEncoder().encodeToString(sign(publisher, submitted.body().get("sha256").asText()));
            WalkingSkeletonEndToEndTest.untilTrue(() -> web.get("/api/v1/admin/plugins", sysop).body().get("plugins")
                    .findValuesAsText("status").equals(List.of("scanned")) ? "scanned" : "");

            try (var telnet = TelnetCaller.connect(bbs.telnetPort())) {
                telnet.logIn(TestBbs.SYSOP, TestBbs.SYSOP_PASSWORD);
                telnet.key('A');
                assertThat(telnet.expect("Plugin number, [Q] Back: ")).contains("Plugins (1)")
                        .containsPattern("1  accept-all\\s+1\\.0\\.0\\s+wasm\\s+scanned\\s+0");
                telnet.line("1");
                assertThat(telnet.expect("[A] Approve  [R] Rescan  [Q] Back: ")).contains("Id:            " + id,
                        "Submitted:     2031-05-01 12:00 UTC by Amiga", "Scan:          passed");
                telnet.key('A');
                telnet.expect("Approved: recorded.");
                telnet.expect("[P] Publish  [Q] Back: ");
                telnet.key('P');
                telnet.expect("Published: recorded.");
                telnet.expect("[I] Install  [Q] Back: ");
                telnet.key('I');
                telnet.expect("Signature (empty: cancel): ");
                telnet.line(Base64.getEncoder().encodeToString(new byte[64]));
                telnet.expect("No trusted publisher key verifies this signature over "
                        + submitted.body().get("sha256").asText() + ".");
                telnet.expect("[I] Install  [Q] Back: ");
                telnet.key('I');
                telnet.expect("Signature (empty: cancel): ");
                telnet.line(signature);
                telnet.expect("Installed: recorded, signed by amiga-labs. It starts disabled.");
                assertThat(telnet.expect("[E] Enable  [U] Uninstall  [Q] Back: ")).contains("Status:        installed");
                telnet.key('E');
                telnet.expect("Enabled: recorded.");
                assertThat(telnet.expect("[D] Disable  [U] Uninstall  [Q] Back: ")).contains("Status:        enabled");
                telnet.key('Q');
                telnet.expect("Plugin number, [Q] Back: ");
                telnet.line("Q");
                telnet.expect("Your choice: ");
                telnet.key('G');
                telnet.expect("Goodbye");
            }

            var plugins = web.get("/api/v1/admin/plugins", sysop).body().get("plugins");
            assertThat(plugins.size()).isEqualTo(1);
            assertThat(plugins.get(0).get("status").asText()).isEqualTo("enabled");
            var feed = WalkingSkeletonEndToEndTest.readFeed(web, sysop).stream()
                    .filter(e -> e.get("type").asText().startsWith("Plugin")).toList();
            assertThat(feed).extracting(e -> e.get("type").asText()).containsExactly("PluginSubmitted", "PluginScanned",
                    "PluginApproved", "PluginPublished", "PluginInstalled", "PluginEnabled");
            assertThat(feed.subList(2, 6)).allSatisfy(e -> assertThat(e.at("/origin/channel").asText()).isEqualTo("telnet"));
        }
    }

    private static byte[] sign(KeyPair keys, String text) throws Exception {
        var signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(text.getBytes(StandardCharsets.US_ASCII));
        return signer.sign();
    }
}
