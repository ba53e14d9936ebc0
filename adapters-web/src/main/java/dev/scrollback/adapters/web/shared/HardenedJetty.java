package dev.scrollback.adapters.web.shared;

import org.eclipse.jetty.server.Server;

/** What the web adapter changes in Jetty itself: security headers in front of everything, problems for its errors. */
public final class HardenedJetty {
    private HardenedJetty() {}

    public static void configure(Server server) {
        server.insertHandler(new SecurityHeaders());
        server.setErrorHandler(new ProblemErrorHandler());
    }
}
