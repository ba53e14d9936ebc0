package dev.scrollback.adapters.crypto.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.webhooks.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class HmacWebhookSigningTest {
    final HmacWebhookSigning signing = new HmacWebhookSigning();

    /** The example the Standard Webhooks reference libraries test against. */
    @Test
    void the_published_example_signs_to_the_published_signature() {
        var signature = signing.sign(new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void every_part_of_the_message_changes_the_signature() {
        var secret = signing.mint();
        var body = "{\"position\":1}".getBytes(StandardCharsets.UTF_8);
        var base = signing.sign(secret, "id", 1, body);
        assertThat(signing.sign(secret, "id", 1, body)).isEqualTo(base);
        assertThat(signing.sign(secret, "id2", 1, body)).isNotEqualTo(base);
        assertThat(signing.sign(secret, "id", 2, body)).isNotEqualTo(base);
        assertThat(signing.sign(secret, "id", 1, "{\"position\":2}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(base);
        assertThat(signing.sign(signing.mint(), "id", 1, body)).isNotEqualTo(base);
    }

    @Test
    void minted_secrets_are_whsec_and_32_fresh_bytes() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 100; i++) {
            var secret = signing.mint();
            assertThat(secret.value()).startsWith("whsec_");
            assertThat(Base64.getDecoder().decode(secret.value().substring(6))).hasSize(32);
            seen.add(secret.value());
        }
        assertThat(seen).hasSize(100);
        assertThat(signing.mint().toString()).doesNotContain(signing.mint().value().substring(6));
    }
}
