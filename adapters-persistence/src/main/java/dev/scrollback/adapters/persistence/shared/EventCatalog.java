package dev.scrollback.adapters.persistence.shared;

import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.ApiKeyEvent;
import dev.scrollback.domain.accounts.SigningKeyEvent;
import dev.scrollback.domain.boards.BoardsEvent;
import dev.scrollback.domain.chat.ChatEvent;
import dev.scrollback.domain.mail.PrivateMessageEvent;
import dev.scrollback.domain.plugins.PluginsEvent;
import dev.scrollback.domain.accounts.HandleEvent;
import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.accounts.StoredSecret;
import dev.scrollback.domain.accounts.UnknownHandleEvent;
import dev.scrollback.domain.sessions.SessionEvent;
import dev.scrollback.domain.shared.DomainEvent;
import dev.scrollback.domain.webhooks.WebhookEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every event type the store can hold, found by walking the domain's sealed event interfaces, so a new event record is
 * cataloged the moment it compiles. Type names are the records' simple names: a public contract (SPEC §3), so two
 * records with one simple name are refused at start-up rather than silently sharing a name. Also knows each type's
 * current schema version and which of its fields are secrets (every {@link StoredSecret} component: a {@link PasswordHash}, a TOTP key) that the feed must
 * never hand out.
 */
final class EventCatalog {
    static final List<Class<? extends DomainEvent>> ROOTS = List.of(AccountEvent.class, HandleEvent.class, SessionEvent.class,
            ApiKeyEvent.class, SigningKeyEvent.class, BoardsEvent.class, PrivateMessageEvent.class, ChatEvent.class,
            PluginsEvent.class, UnknownHandleEvent.class, WebhookEvent.class);

    /** One event type: its public name, its record class, the schema version written today, its secret fields. */
    record Entry(String name, Class<? extends DomainEvent> type, int schemaVersion, Set<String> secretFields) {}

    private final Map<String, Entry> byName;
    private final Map<Class<?>, Entry> byType;

    EventCatalog(List<Class<? extends DomainEvent>> roots, Map<String, Integer> schemaVersions) {
        var named = new LinkedHashMap<String, Entry>();
        for (var record : records(roots)) {
            var name = record.getSimpleName();
            var entry = new Entry(name, record, schemaVersions.getOrDefault(name, 1), secretFields(record));
            if (named.putIfAbsent(name, entry) != null) {
                throw new IllegalStateException("two event types are named " + name + ": " + record.getName()
                        + " and " + named.get(name).type().getName() + "; event names must be unique");
            }
        }
        var unknown = schemaVersions.keySet().stream().filter(n -> !named.containsKey(n)).toList();
        if (!unknown.isEmpty()) throw new IllegalArgumentException("schema versions for unknown event types " + unknown);
        this.byName = Map.copyOf(named);
        this.byType = named.values().stream().collect(Collectors.toUnmodifiableMap(Entry::type, e -> e));
    }

    /** Today's catalog: every event of the domain, all at schema version 1. */
    /** Every event at its current schema version: 1, unless it changed since (then {@link Upcasters#standard()} has a step). */
    static EventCatalog standard() {
        return new EventCatalog(ROOTS, Map.of("PluginSubmitted", 2));
    }

    Optional<Entry> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    Entry of(DomainEvent event) {
        var entry = byType.get(event.getClass());
        if (entry == null) throw new IllegalArgumentException(event.getClass().getName() + " is not a cataloged event type");
        return entry;
    }

    Collection<Entry> entries() {
        return byName.values();
    }

    private static List<Class<? extends DomainEvent>> records(List<Class<? extends DomainEvent>> roots) {
        var found = new ArrayList<Class<? extends DomainEvent>>();
        for (var root : roots) collect(root, found);
        return found;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Class<?> type, List<Class<? extends DomainEvent>> found) {
        if (type.isRecord()) {
            found.add((Class<? extends DomainEvent>) type);
        } else if (type.isSealed()) {
            for (var sub : type.getPermittedSubclasses()) collect(sub, found);
        } else {
            throw new IllegalStateException(type.getName() + " is neither a record nor sealed: events are sealed records");
        }
    }

    private static Set<String> secretFields(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .filter(c -> StoredSecret.class.isAssignableFrom(c.getType()))   // hashes, TOTP keys
                .map(c -> c.getName())
                .collect(Collectors.toUnmodifiableSet());
    }
}
