package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.HmacOneTimePasswordGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrollback.adapters.telnet.TelnetServer;
import dev.scrollback.adapters.web.WebServer;
import dev.scrollback.application.shared.ControlledClock;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 3, item 4 through the real HTTP and telnet adapters on a clock the test moves: enrol, a login answered
 * {@code totp-required} until a code comes, a code never taken twice, telnet asking after the password, a recovery
 * code taken once, disabling with the password, and the key kept out of the feed.
 */
class TotpEndToEndTest {
    static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path data;

    final ControlledClock clock = ControlledClock.at("2031-05-01T12:00:00Z");

    @Test
    void a_caller_enrols_logs_in_with_codes_and_recovery_codes_and_disables_totp() throws Exception {
        try (var app = start()) {
            var web = new Http(app.getBean(WebServer.class).port());
            var port = app.getBean(WebServer.class).port();
            assertThat(web.post("/api/v1/accounts", Map.of("handle", "Tess", "email", "tess@example.test", "password", PASSWORD))
                    .status()).isEqualTo(201);
            assertThat(web.post("/api/v1/accounts/verify", Map.of("handle", "Tess", "code",
                    Outbox.codeFor(data, "tess@example.test"))).status()).isEqualTo(200);
            var token = web.logIn("Tess", PASSWORD);

            var enrolled = web.post("/api/v1/me/totp", Map.of("password", PASSWORD), token);
            assertThat(enrolled.status()).isEqualTo(201);
            assertThat(enrolled.body().get("otpauthUri").asText()).startsWith("otpauth://totp/Scrollback%3ATess?secret=");
            var secret = enrolled.body().get("secret").asText();
            var recovery = enrolled.body().get("recoveryCodes");
            assertThat(recovery).hasSize(10);
            assertThat(web.post("/api/v1/me/totp", Map.of("password", PASSWORD), token).status()).isEqualTo(409);

            var login = Map.of("handle", "Tess", "password", PASSWORD);
            assertThat(slug(web.post("/api/v1/sessions", login))).isEqualTo("totp-required");
            var code = codeNow(secret);
            assertThat(web.post("/api/v1/sessions", with(login, code)).status()).isEqualTo(201);
            assertThat(slug(web.post("/api/v1/sessions", with(login, code)))).as("never twice").isEqualTo("wrong-totp");

            clock.advance(Duration.ofSeconds(30));
            try (var telnet = TelnetCaller.connect(app.getBean(TelnetServer.class).port())) {
                telnet.expect("Handle: ");
                telnet.line("Tess");
                telnet.expect("Password: ");
                telnet.line(PASSWORD);
                telnet.expect("Authenticator code (or a recovery code): ");
                telnet.line(codeNow(secret));
                telnet.expect("Welcome, Tess!");
            }

            var recoveryCode = recovery.get(0).asText();
            assertThat(web.post("/api/v1/sessions", with(login, recoveryCode.toLowerCase())).status()).isEqualTo(201);
            assertThat(slug(web.post("/api/v1/sessions", with(login, recoveryCode)))).isEqualTo("wrong-totp");

            assertThat(deleteTotp(port, token, "not my password").statusCode()).isEqualTo(403);
            assertThat(deleteTotp(port, token, PASSWORD).statusCode()).isEqualTo(204);
            assertThat(web.post("/api/v1/sessions", login).status()).isEqualTo(201);

            var sysop = web.logIn(WalkingSkeletonEndToEndTest.SYSOP, WalkingSkeletonEndToEndTest.SYSOP_PASSWORD);
            var feed = WalkingSkeletonEndToEndTest.readFeed(web, sysop);
            var types = feed.stream().map(e -> e.get("type").asText()).toList();
            assertThat(types).contains("TotpEnrolled", "TotpCodeAccepted", "RecoveryCodeUsed", "TotpDisabled");
            assertThat(feed.toString()).doesNotContain(secret).doesNotContain("recoveryCodes");
        }
    }

    static Map<String, String> with(Map<String, String> login, String totp) {
        return Map.of("handle", login.get("handle"), "password", login.get("password"), "totp", totp);
    }

    static String slug(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(401);
        var type = answer.body().get("type").asText();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    /** What an authenticator app shows now (RFC 6238, SHA-1, 6 digits, 30 s), computed independently of the server's adapter. */
    String codeNow(String base32) throws Exception {
        var key = new SecretKeySpec(base32Decode(base32), "HmacSHA1");
        return "%06d".formatted(new HmacOneTimePasswordGenerator(6).generateOneTimePassword(key, clock.instant().getEpochSecond() / 30));
    }

    static byte[] base32Decode(String text) {
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    static HttpResponse<String> deleteTotp(int port, String token, String password) throws Exception {
        var body = new ObjectMapper().writeValueAsString(Map.of("password", password));
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me/totp"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").method("DELETE", HttpRequest.BodyPublishers.ofString(body)).build();
        try (var client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private ConfigurableApplicationContext start() {
        return ScrollbackApplication.serve(Map.of(
                "SCROLLBACK_DATA_DIR", data.toString(), "SCROLLBACK_TELNET_PORT", "0", "SCROLLBACK_HTTP_PORT", "0",
                "SCROLLBACK_TELNET_HOST", "127.0.0.1", "SCROLLBACK_HTTP_HOST", "127.0.0.1",
                "SCROLLBACK_SYSOP_HANDLE", WalkingSkeletonEndToEndTest.SYSOP,
                "SCROLLBACK_SYSOP_PASSWORD", WalkingSkeletonEndToEndTest.SYSOP_PASSWORD), clock);
    }
}
