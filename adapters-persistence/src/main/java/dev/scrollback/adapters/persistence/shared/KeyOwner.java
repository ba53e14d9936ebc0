package dev.scrollback.adapters.persistence.shared;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.shared.AccountId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whose data key seals a personal value (decision 0021), as stored next to the ciphertext: {@code account:<uuid>} for
 * data about or by an account, {@code anonymous:<yyyy-mm-dd>} (the UTC day it was written) for data no account owns,
 * such as the address of a stranger at the login prompt, so that a retention policy can drop a whole day at once.
 */
record KeyOwner(String value) {
    private static final Pattern SHAPE = Pattern.compile(
            "account:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|anonymous:\\d{4}-\\d{2}-\\d{2}");
    private static final String ACCOUNT_STREAM = "account";

    KeyOwner {
        if (value == null || value.length() > 60 || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + shortened(value) + "' is not a data key owner (account:<uuid> or anonymous:<day>)");
        }
    }

    static KeyOwner account(AccountId account) {
        return new KeyOwner("account:" + account);
    }

    /**
     * The owner of personal values in an event of {@code stream}: the account the stream is about ({@code account-<id>}),
     * else the acting user's account, else the day's anonymous key.
     */
    static KeyOwner ofPayload(StreamId stream, EventMetadata metadata) {
        return accountOf(stream).or(() -> actingAccount(metadata)).orElseGet(() -> anonymous(metadata));
    }

    /**
     * The owner of the envelope's remote address: the acting user's account, else the first account stream the append
     * is about (a stranger's failed login on a known account), else the day's anonymous key.
     */
    static KeyOwner ofEnvelope(Iterable<StreamId> streams, EventMetadata metadata) {
        var acting = actingAccount(metadata);
        if (acting.isPresent()) return acting.get();
        for (var stream : streams) {
            var owner = accountOf(stream);
            if (owner.isPresent()) return owner.get();
        }
        return anonymous(metadata);
    }

    private static Optional<KeyOwner> accountOf(StreamId stream) {
        if (!ACCOUNT_STREAM.equals(stream.category())) return Optional.empty();
        return parse(stream.id());
    }

    private static Optional<KeyOwner> actingAccount(EventMetadata metadata) {
        var actor = metadata.actor();
        if (actor.kind() != Actor.Kind.USER) return Optional.empty();
        return actor.id().flatMap(KeyOwner::parse);
    }

    private static Optional<KeyOwner> parse(String id) {
        try {
            return Optional.of(account(AccountId.parse(id)));
        } catch (RuntimeException notAnAccount) {
            return Optional.empty();
        }
    }

    private static KeyOwner anonymous(EventMetadata metadata) {
        return new KeyOwner("anonymous:" + LocalDate.ofInstant(metadata.occurredAt(), ZoneOffset.UTC));
    }

    private static String shortened(String value) {
        if (value == null) return "null";
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }

    @Override
    public String toString() {
        return value;
    }
}
