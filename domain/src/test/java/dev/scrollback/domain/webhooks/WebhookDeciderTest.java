package dev.scrollback.domain.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.shared.DeciderSpec;
import dev.scrollback.domain.shared.InvalidValue;
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
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookDeciderTest {
    static final WebhookId HOOK = new WebhookId(UUID.fromString("018f0000-0000-7000-8000-000000000001"));
    static final Instant T0 = Instant.parse("2031-05-01T12:00:00Z");
    static final WebhookUrl URL = new WebhookUrl("https://hooks.example.org/scrollback?token=abc");
    static final WebhookFilter FILTER = new WebhookFilter(Set.of("MessagePosted"), Set.of("thread"));
    static final WebhookSubscribed SUBSCRIBED = new WebhookSubscribed(HOOK, "https://hooks.example.org/scrollback?…", FILTER,
            new WebhookDescription("CRM"), 7, T0);

    final DeciderSpec<WebhookCommand, WebhookState, WebhookEvent> spec = new DeciderSpec<>(new WebhookDecider(HOOK));

    @Test
    void a_subscription_starts_active_from_the_position_asked() {
        spec.given().when(new Subscribe(URL, FILTER, new WebhookDescription("CRM"), 7, T0))
                .then(SUBSCRIBED).thenState(new Subscribed(SUBSCRIBED, Status.ACTIVE));
    }

    @Test
    void a_subscription_is_made_once() {
        spec.given(SUBSCRIBED).when(new Subscribe(URL, FILTER, WebhookDescription.NONE, 0, T0)).thenRejectedWith(new AlreadySubscribed(HOOK));
    }

    @Test
    void pause_and_resume_alternate_and_refuse_to_repeat() {
        spec.given(SUBSCRIBED).when(new Pause(T0)).then(new WebhookPaused(HOOK, T0));
        spec.given(SUBSCRIBED, new WebhookPaused(HOOK, T0)).when(new Pause(T0)).thenRejectedWith(new NotNow(HOOK, Status.PAUSED, "pause"));
        spec.given(SUBSCRIBED).when(new Resume(T0)).thenRejectedWith(new NotNow(HOOK, Status.ACTIVE, "resume"));
        spec.given(SUBSCRIBED, new WebhookPaused(HOOK, T0)).when(new Resume(T0)).then(new WebhookResumed(HOOK, T0))
                .thenState(new Subscribed(SUBSCRIBED, Status.ACTIVE));
    }

    @Test
    void a_disabled_subscription_is_resumed_by_a_sysop() {
        var disabled = new WebhookDisabled(HOOK, 7, 9, T0, "HTTP 500", T0.plusSeconds(259_200));
        spec.given(SUBSCRIBED).when(new Disable(7, 9, T0, "HTTP 500", T0.plusSeconds(259_200))).then(disabled)
                .thenState(new Subscribed(SUBSCRIBED, Status.DISABLED));
        spec.given(SUBSCRIBED, disabled).when(new Resume(T0)).then(new WebhookResumed(HOOK, T0));
    }

    @Test
    void giving_up_on_a_paused_subscription_records_nothing() {
        spec.given(SUBSCRIBED, new WebhookPaused(HOOK, T0)).when(new Disable(7, 9, T0, "HTTP 500", T0)).thenNothing();
    }

    @Test
    void rotation_and_deletion_apply_in_any_status_and_deleted_is_final() {
        spec.given(SUBSCRIBED, new WebhookPaused(HOOK, T0)).when(new RotateSecret(T0.plusSeconds(86_400), T0))
                .then(new WebhookSecretRotated(HOOK, T0.plusSeconds(86_400), T0));
        spec.given(SUBSCRIBED).when(new Delete(T0)).then(new WebhookDeleted(HOOK, T0)).thenState(new Deleted());
        spec.given(SUBSCRIBED, new WebhookDeleted(HOOK, T0)).when(new Resume(T0)).thenRejectedWith(new NoSuchWebhook(HOOK));
        spec.given().when(new Pause(T0)).thenRejectedWith(new NoSuchWebhook(HOOK));
    }

    @Test
    void urls_are_http_or_https_with_a_host_and_bounded() {
        assertThat(new WebhookUrl("http://10.0.0.1:8080/in").uri().getPort()).isEqualTo(8080);
        assertThat(URL.withoutQuery()).isEqualTo("https://hooks.example.org/scrollback?…");
        for (var bad : new String[]{"", "ftp://example.org/", "file:///etc/passwd", "https://user:pw@example.org/",
                "https:///nohost", "https://example.org/#frag", "javascript:alert(1)", "https://exa mple.org/",
                "https://example.org/" + "a".repeat(WebhookUrl.MAX_LENGTH), "https://example.org/\u00e9", "/relative"}) {
            assertThatThrownBy(() -> new WebhookUrl(bad)).as(bad).isInstanceOf(InvalidValue.class);
        }
    }

    @Test
    void filters_take_the_stream_s_names_only() {
        assertThat(new WebhookFilter(Set.of("B", "A"), Set.of()).eventTypes()).containsExactly("A", "B");
        assertThatThrownBy(() -> new WebhookFilter(Set.of("lowercase"), Set.of())).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new WebhookFilter(Set.of(), Set.of("Thread"))).isInstanceOf(InvalidValue.class);
        var many = new java.util.HashSet<String>();
        for (int i = 0; i <= WebhookFilter.MAX_NAMES; i++) many.add("T" + i);
        assertThatThrownBy(() -> new WebhookFilter(many, Set.of())).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new WebhookDescription("two\nlines")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new WebhookDescription("x".repeat(201))).isInstanceOf(InvalidValue.class);
    }
}
