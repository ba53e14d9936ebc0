package dev.scrollback.application.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.domain.shared.InvalidValue;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WebhookPolicyTest {
    final WebhookPolicy policy = WebhookPolicy.STANDARD;

    @Test
    void waits_double_from_ten_seconds_up_to_an_hour() {
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.backoff(9)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(policy.backoff(10)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.backoff(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void jitter_stays_within_twenty_percent_and_varies() {
        var random = new SplittableRandom(7);
        var seen = new java.util.HashSet<Duration>();
        for (int i = 0; i < 1000; i++) {
            var wait = policy.jittered(3, random);
            assertThat(wait).isBetween(Duration.ofSeconds(32), Duration.ofSeconds(48));
            seen.add(wait);
        }
        assertThat(seen.size()).isGreaterThan(100);
    }

    @Test
    void three_days_of_failures_take_about_eighty_tries() {
        var random = new SplittableRandom(11);
        var elapsed = Duration.ZERO;
        int tries = 1;
        while (elapsed.compareTo(policy.retryFor()) < 0) {
            elapsed = elapsed.plus(policy.jittered(tries, random));
            tries++;
        }
        assertThat(tries).isBetween(70, 90);
    }

    @Test
    void secrets_are_whsec_and_24_to_64_bytes_and_never_print() {
        var secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(secret.key()).hasSize(24);
        assertThat(secret.toString()).doesNotContain("MfKQ");
        assertThatThrownBy(() -> new WebhookSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new WebhookSecret("whsec_c2hvcnQ=")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new WebhookSecret("whsec_not base64!")).isInstanceOf(InvalidValue.class);
    }
}
