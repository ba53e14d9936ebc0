package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.telnet.TelnetServer;
import dev.scrollback.adapters.web.WebServer;
import dev.scrollback.application.shared.ControlledClock;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What most end-to-end tests need: the real server in a temporary data directory on the test's clock, with the sysop
 * from the settings, free ports on 127.0.0.1, and members signed up and verified over HTTP with the mailed code.
 */
record TestBbs(ConfigurableApplicationContext app, Path data, Http web) implements AutoCloseable {
    static final String SYSOP = WalkingSkeletonEndToEndTest.SYSOP;
    static final String SYSOP_PASSWORD = WalkingSkeletonEndToEndTest.SYSOP_PASSWORD;
    static final String PASSWORD = "correct horse battery staple";

    static TestBbs start(Path data, ControlledClock clock) {
        var app = ScrollbackApplication.serve(Map.of(
                "SCROLLBACK_DATA_DIR", data.toString(), "SCROLLBACK_TELNET_PORT", "0", "SCROLLBACK_HTTP_PORT", "0",
                "SCROLLBACK_TELNET_HOST", "127.0.0.1", "SCROLLBACK_HTTP_HOST", "127.0.0.1",
                "SCROLLBACK_SYSOP_HANDLE", SYSOP, "SCROLLBACK_SYSOP_PASSWORD", SYSOP_PASSWORD), clock);
        return new TestBbs(app, data, new Http(app.getBean(WebServer.class).port()));
    }

    int telnetPort() {
        return app.getBean(TelnetServer.class).port();
    }

    /** Signs up {@code handle} with {@link #PASSWORD} and verifies it with the mailed code. */
    void signUp(String handle, String email) throws Exception {
        signUp(web, data, handle, email);
    }

    static void signUp(Http web, Path data, String handle, String email) throws Exception {
        assertThat(web.post("/api/v1/accounts", Map.of("handle", handle, "email", email, "password", PASSWORD)).status())
                .isEqualTo(201);
        assertThat(web.post("/api/v1/accounts/verify", Map.of("handle", handle, "code", Outbox.codeFor(data, email)))
                .status()).isEqualTo(200);
    }

    /** A fresh access token of the sysop. */
    String sysop() throws Exception {
        return web.logIn(SYSOP, SYSOP_PASSWORD);
    }

    @Override
    public void close() {
        app.close();
    }
}
