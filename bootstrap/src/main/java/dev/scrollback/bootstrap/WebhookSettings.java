package dev.scrollback.bootstrap;

import java.time.Duration;
import org.springframework.core.env.Environment;

/**
 * The webhook settings (decision 0022), read as {@link Settings} reads its own.
 *
 * @param allowPrivateAddresses {@code SCROLLBACK_WEBHOOK_ALLOW_PRIVATE}: whether a target may be a loopback, private or
 *                              link-local address (off: a sysop's typo or a stolen admin key could otherwise point the
 *                              BBS at its own network)
 * @param poll                  {@code SCROLLBACK_WEBHOOK_POLL}: how often to look for retries falling due and for
 *                              events other instances appended (new events of this instance go out at once)
 * @param workers               {@code SCROLLBACK_WEBHOOK_WORKERS}: subscriptions delivered at once by this instance
 */
record WebhookSettings(boolean allowPrivateAddresses, Duration poll, int workers) {

    static WebhookSettings from(Environment environment) {
        var r = new Settings.Reader(environment);
        var poll = r.duration("SCROLLBACK_WEBHOOK_POLL", Duration.ofSeconds(1));
        if (poll.isZero() || poll.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new Settings.Invalid("SCROLLBACK_WEBHOOK_POLL", "must be between 1 ms and 10 minutes");
        }
        return new WebhookSettings(r.flag("SCROLLBACK_WEBHOOK_ALLOW_PRIVATE", false), poll,
                r.number("SCROLLBACK_WEBHOOK_WORKERS", 8, 1, 256));
    }
}
