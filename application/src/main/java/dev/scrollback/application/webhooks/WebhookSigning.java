package dev.scrollback.application.webhooks;

/** Out-port: the Standard Webhooks signature scheme. */
public interface WebhookSigning {
    /** A fresh secret from a cryptographically strong source. */
    WebhookSecret mint();

    /** {@code v1,<base64 of HMAC-SHA256(key, "id.timestamp.body")>}. */
    String sign(WebhookSecret secret, String messageId, long timestamp, byte[] body);
}
