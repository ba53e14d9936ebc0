package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.shared.Projections;
import dev.scrollback.adapters.telnet.TelnetServer;
import dev.scrollback.adapters.web.WebServer;
import dev.scrollback.application.live.LiveHub;
import dev.scrollback.application.live.SessionEndingsHere;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.presence.EndOrphanedSessions;
import dev.scrollback.application.presence.ExpireIdleSessions;
import dev.scrollback.application.presence.SessionsServedHere;
import dev.scrollback.application.sessions.EndSession;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.shared.InvalidValue;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import dev.scrollback.application.plugins.PluginRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Brings the server up in the order readiness depends on — store open, projections caught up, sessions a crash left
 * open ended, presence shared, first sysop, then the listeners — and down in reverse, ending the sessions it serves
 * with reason shutdown and withdrawing from the other instances.
 */
final class ServerLifecycle implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ServerLifecycle.class);

    private final Settings settings;
    private final Projections projections;
    private final EndOrphanedSessions endOrphans;
    private final FirstSysop firstSysop;
    private final TelnetServer telnet;
    private final WebServer web;
    private final SessionsServedHere servedHere;
    private final EndSession endSession;
    private final ExpireIdleSessions expireIdle;
    private final LiveHub live;
    private final SessionEndingsHere endingsHere;
    private EventLog.Subscription endings = () -> { };
    private final PresenceSchedule presence;
    private final PluginRuntime plugins;
    private ScheduledExecutorService reaper;
    private volatile boolean running;

    ServerLifecycle(Settings settings, Projections projections, EndOrphanedSessions endOrphans, FirstSysop firstSysop,
                    TelnetServer telnet, WebServer web, SessionsServedHere servedHere, EndSession endSession,
                    ExpireIdleSessions expireIdle, LiveHub live, SessionEndingsHere endingsHere, PresenceSchedule presence,
                    PluginRuntime plugins) {
        this.plugins = plugins;
        this.settings = settings;
        this.projections = projections;
        this.endOrphans = endOrphans;
        this.firstSysop = firstSysop;
        this.telnet = telnet;
        this.web = web;
        this.servedHere = servedHere;
        this.endSession = endSession;
        this.expireIdle = expireIdle;
        this.live = live;
        this.endingsHere = endingsHere;
        this.presence = presence;
    }

    @Override
    public void start() {
        projections.awaitCaughtUp(settings.catchUpTimeout());
        awaitProcessorsCaughtUp();
        int orphans = endOrphans.run();
        if (orphans > 0) LOG.info("Ended {} session(s) left open by a run or an instance that is gone", orphans);
        presence.start();                                // with Redis: heartbeat, and ending the sessions of lost instances
        try {
            firstSysop.createIfConfigured().ifPresent(outcome -> LOG.info("First sysop: {}", outcome));
        } catch (AccountRejected | InvalidValue refused) {
            throw new Settings.Invalid("SCROLLBACK_SYSOP_HANDLE / SCROLLBACK_SYSOP_PASSWORD", "refused: " + (refused
                    instanceof AccountRejected r ? FirstSysop.explain(r) : ((InvalidValue) refused).field() + " "
                    + refused.getMessage()));
        }
        plugins.start();                                 // enabled plugins loaded, with their storage, before callers come
        live.start();                                    // before /ws can be reached
        endings = endingsHere.start();
        web.start();
        telnet.start();
        reaper = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("idle-web-sessions").factory());
        reaper.scheduleWithFixedDelay(this::expireIdleWebSessions, 30, 30, TimeUnit.SECONDS);
        running = true;
        LOG.info("{} is ready: telnet on port {}, HTTP on port {}, data in {}{}", settings.bbsName(), telnet.port(),
                web.port(), settings.dataDirectory(), settings.database().map(d -> ", events in " + d.url()).orElse(""));
    }

    private void expireIdleWebSessions() {
        try {
            int ended = expireIdle.run();
            if (ended > 0) LOG.info("Ended {} idle web session(s)", ended);
        } catch (RuntimeException e) {
            LOG.warn("Idle-session sweep failed; it runs again shortly", e);
        }
    }

    @Override
    public void stop() {
        running = false;
        endings.close();
        if (reaper != null) reaper.shutdownNow();
        // Record the reason before the connections close, so no session is remembered as merely dropped; first let
        // who's online catch up, or a caller who logged in a moment ago would be missed.
        try {
            projections.awaitCaughtUp(Duration.ofSeconds(10));
        } catch (IllegalStateException e) {
            LOG.warn("Projections lag at shutdown; sessions they have not seen are ended at the next start", e);
        }
        for (var session : servedHere.now()) {          // alone: every open session; else those only this one serves
            try {
                endSession.end(session, EndReason.SHUTDOWN, Origin.system());
            } catch (RuntimeException e) {
                LOG.warn("Could not end session {} at shutdown; the next start (or another instance) ends it", session, e);
            }
        }
        presence.stop();                                 // after the sessions it served have ended: leave at once
        telnet.stop();
        web.stop();
        LOG.info("{} stopped", settings.bbsName());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Axon marks a processor caught up a fetch after it has applied the head, and readiness asks that flag: wait for it
     * too, so the listeners never open while /health/ready would still say 503.
     */
    private void awaitProcessorsCaughtUp() {
        long deadline = System.nanoTime() + settings.catchUpTimeout().toNanos();
        while (!projections.caughtUp()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("projections did not report caught up within " + settings.catchUpTimeout());
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for projections", e);
            }
        }
    }
}
