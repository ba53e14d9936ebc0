package dev.scrollback.domain.webhooks;

import dev.scrollback.domain.shared.Decider;
import dev.scrollback.domain.webhooks.WebhookCommand.Delete;
import dev.scrollback.domain.webhooks.WebhookCommand.Disable;
import dev.scrollback.domain.webhooks.WebhookCommand.Pause;
import dev.scrollback.domain.webhooks.WebhookCommand.Resume;
import dev.scrollback.domain.webhooks.WebhookCommand.RotateSecret;
import dev.scrollback.domain.webhooks.WebhookCommand.Subscribe;
import dev.scrollback.domain.webhooks.WebhookEvent.WebhookDeleted;
import dev.scrollback.domain.webhooks.WebhookEvent.WebhookDisabled;
import dev.scrollback.domain.webhooks.WebhookEvent.WebhookPaused;
import dev.scrollback.domain.webhooks.WebhookEvent.WebhookResumed;
import dev.scrollback.domain.webhooks.WebhookEvent.WebhookSecretRotated;
import dev.scrollback.domain.webhooks.WebhookEvent.WebhookSubscribed;
import dev.scrollback.domain.webhooks.WebhookRejected.AlreadySubscribed;
import dev.scrollback.domain.webhooks.WebhookRejected.NoSuchWebhook;
import dev.scrollback.domain.webhooks.WebhookRejected.NotNow;
import dev.scrollback.domain.webhooks.WebhookState.Deleted;
import dev.scrollback.domain.webhooks.WebhookState.Status;
import dev.scrollback.domain.webhooks.WebhookState.Subscribed;
import dev.scrollback.domain.webhooks.WebhookState.Unknown;
import java.util.List;

/**
 * One subscription: subscribed once; paused only while active; resumed when paused or disabled (a resume after the
 * retry window gave up continues from the cursor); disabled only while active (a sysop's pause wins over a dispatcher
 * giving up at the same moment: it records nothing); rotated and deleted in any status. Deleted is final.
 */
public final class WebhookDecider implements Decider<WebhookCommand, WebhookState, WebhookEvent> {
    private final WebhookId webhook;

    public WebhookDecider(WebhookId webhook) {
        this.webhook = webhook;
    }

    @Override
    public WebhookState initialState() {
        return new Unknown();
    }

    @Override
    public List<WebhookEvent> decide(WebhookCommand command, WebhookState state) {
        if (command instanceof Subscribe s) {
            if (!(state instanceof Unknown)) throw new WebhookRejected(new AlreadySubscribed(webhook));
            return List.of(new WebhookSubscribed(webhook, s.url().withoutQuery(), s.filter(), s.description(), s.after(), s.at()));
        }
        if (!(state instanceof Subscribed current)) throw new WebhookRejected(new NoSuchWebhook(webhook));
        var status = current.status();
        return switch (command) {
            case Subscribe s -> throw new WebhookRejected(new AlreadySubscribed(webhook));
            case Pause p when status != Status.ACTIVE -> throw new WebhookRejected(new NotNow(webhook, status, "pause"));
            case Pause p -> List.of(new WebhookPaused(webhook, p.at()));
            case Resume r when status == Status.ACTIVE -> throw new WebhookRejected(new NotNow(webhook, status, "resume"));
            case Resume r -> List.of(new WebhookResumed(webhook, r.at()));
            case RotateSecret r -> List.of(new WebhookSecretRotated(webhook, r.previousValidUntil(), r.at()));
            case Disable d when status != Status.ACTIVE -> List.of();
            case Disable d -> List.of(new WebhookDisabled(webhook, d.cursor(), d.stuckAt(), d.failingSince(), d.lastError(), d.at()));
            case Delete d -> List.of(new WebhookDeleted(webhook, d.at()));
        };
    }

    @Override
    public WebhookState evolve(WebhookState state, WebhookEvent event) {
        return switch (event) {
            case WebhookSubscribed e -> state instanceof Unknown ? new Subscribed(e, Status.ACTIVE) : state;
            case WebhookPaused e -> state instanceof Subscribed s ? s.with(Status.PAUSED) : state;
            case WebhookResumed e -> state instanceof Subscribed s ? s.with(Status.ACTIVE) : state;
            case WebhookDisabled e -> state instanceof Subscribed s ? s.with(Status.DISABLED) : state;
            case WebhookSecretRotated e -> state;
            case WebhookDeleted e -> new Deleted();
        };
    }
}
