package dev.scrollback.application.audit;

import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.RemoteAddress;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * What an auditor asks for; every part is optional and they all must hold. {@code actor} is the acting account's id or
 * handle (or {@code system}); {@code account} the id or handle of the account an entry concerns; {@code type} an event
 * type name ({@code LoginFailed}); {@code from} inclusive and {@code to} exclusive, on the event's time.
 */
public record AuditFilter(Optional<String> actor, Optional<String> account, Optional<String> type, Optional<Instant> from,
                          Optional<Instant> to, Optional<RemoteAddress> address, Optional<Channel> channel) {

    public static AuditFilter everything() {
        return new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public boolean matches(AuditEntry entry) {
        if (actor.isPresent() && !actorIs(entry, actor.get())) return false;
        if (account.isPresent() && !concerns(entry, account.get())) return false;
        if (type.isPresent() && !type.get().equals(entry.type())) return false;
        if (from.isPresent() && entry.at().isBefore(from.get())) return false;
        if (to.isPresent() && !entry.at().isBefore(to.get())) return false;
        if (address.isPresent() && !entry.address().equals(address)) return false;
        return channel.isEmpty() || channel.get() == entry.channel();
    }

    private static boolean actorIs(AuditEntry entry, String who) {
        var actor = entry.actor();
        if (actor.kind().wireName().equals(who) && actor.id().isEmpty()) return true;     // "system"
        return actor.id().filter(who::equals).isPresent() || actor.handle().filter(h -> sameHandle(h, who)).isPresent();
    }

    private static boolean concerns(AuditEntry entry, String who) {
        return entry.subject().filter(id -> id.toString().equals(who)).isPresent()
                || entry.subjectHandle().filter(h -> sameHandle(h.value(), who)).isPresent();
    }

    /** Handles are stored folded (SPEC §4); a query may spell one in any case. */
    private static boolean sameHandle(String handle, String asked) {
        return handle.toLowerCase(Locale.ROOT).equals(asked.toLowerCase(Locale.ROOT));
    }
}
