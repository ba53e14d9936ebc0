package dev.scrollback.adapters.crypto.webhooks;

import dev.scrollback.application.webhooks.WebhookSecret;
import dev.scrollback.application.webhooks.WebhookSigning;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks scheme, {@code v1}: HMAC-SHA256, keyed by the secret's base64 part decoded, over
 * {@code <webhook-id>.<webhook-timestamp>.<body>} (the body's exact bytes), base64 with padding. Secrets are 32
 * random bytes (the spec asks for 24 to 64).
 */
public final class HmacWebhookSigning implements WebhookSigning {
    private static final int SECRET_BYTES = 32;
    private final SecureRandom random = new SecureRandom();

    @Override
    public WebhookSecret mint() {
        var bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return new WebhookSecret(WebhookSecret.PREFIX + Base64.getEncoder().encodeToString(bytes));
    }

    @Override
    public String sign(WebhookSecret secret, String messageId, long timestamp, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            mac.update((messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);   // every JDK has it
        }
    }
}
