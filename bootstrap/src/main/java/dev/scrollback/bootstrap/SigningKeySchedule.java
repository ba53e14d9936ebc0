package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.shared.Projections;
import dev.scrollback.adapters.web.accounts.TokenIssuer;
import dev.scrollback.application.accounts.SigningKeyRotation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * At start, before {@link ServerLifecycle} opens the listeners: makes the first token signing key unless some instance
 * did (importing {@code keyDirectory/token-signing.p8} if an earlier version left one) and reads the keys. Then every
 * {@code period}, on each instance: retires keys whose tokens have all expired, rotates if the signing key is due (of
 * several instances due at once, the key table lets exactly one), and re-reads the keys, so every instance signs with
 * the newest key within a period of any rotation, wherever it happened.
 */
final class SigningKeySchedule implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeySchedule.class);

    private final SigningKeyRotation rotation;
    private final TokenIssuer tokens;
    private final Duration period;
    private final Projections projections;
    private final Duration catchUpTimeout;
    private final Path keyDirectory;
    private ScheduledExecutorService timer;
    private volatile boolean running;

    SigningKeySchedule(SigningKeyRotation rotation, TokenIssuer tokens, Duration period, Projections projections,
                       Duration catchUpTimeout, Path keyDirectory) {
        this.rotation = rotation;
        this.tokens = tokens;
        this.period = period;
        this.projections = projections;
        this.catchUpTimeout = catchUpTimeout;
        this.keyDirectory = keyDirectory;
    }

    /** One check; what the timer runs. */
    void tick() {
        try {
            rotation.run().ifPresent(rotated -> LOG.info("Rotated the token signing key on schedule: {} signs now, {} verifies "
                    + "until its tokens expire", rotated.key(), rotated.previous().map(Object::toString).orElse("none")));
        } catch (RuntimeException e) {
            LOG.warn("Token signing key check failed; it runs again in {}", period, e);
        }
        try {
            tokens.reload();
        } catch (RuntimeException e) {
            LOG.warn("Could not re-read the token signing keys; the ones read before stay in use", e);
        }
    }

    @Override
    public void start() {
        // Like the first sysop, the first key is recorded once the projections have read the log, not while they start.
        projections.awaitCaughtUp(catchUpTimeout);
        var signing = rotation.ensureSigningKey(TokenIssuer.keyFileIn(keyDirectory));
        tokens.reload();
        LOG.info("Tokens are signed with key {}", signing);
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("signing-keys").factory());
        timer.scheduleWithFixedDelay(this::tick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (timer != null) timer.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before {@link ServerLifecycle} (default phase), so no request is served before there is a key. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1;
    }
}
