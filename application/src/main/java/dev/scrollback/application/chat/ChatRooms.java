package dev.scrollback.application.chat;

import dev.scrollback.application.shared.ProjectionSnapshot;
import dev.scrollback.application.shared.ProjectionState;
import dev.scrollback.application.shared.Rebuildable;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.chat.ChatEvent;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatInvited;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatJoined;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatLeft;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatMemberMuted;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatMemberUnmuted;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatMessageSent;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatPluginMessageSent;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatRoomCreated;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatRoomNameClaimed;
import dev.scrollback.domain.chat.ChatRoomEvent;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.chat.ChatText;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.chat.ChatTopic;
import dev.scrollback.domain.chat.LineKind;
import dev.scrollback.domain.chat.PageEvent;
import dev.scrollback.domain.chat.RoomKind;
import dev.scrollback.domain.chat.RoomName;
import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import dev.scrollback.domain.sessions.SessionEvent.SessionRefreshed;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.sessions.SessionEvent;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.DomainEvent;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.PluginName;
import dev.scrollback.domain.shared.SessionId;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Projection: the chat rooms, who is in each (by session), who is muted, who is invited, and the last
 * {@value #RECENT_LINES} lines of each room. Fed from the log in order, with the session events too: when a session
 * ends ({@code SessionEnded}, however it ended) its memberships go with it, and a join from a session that is not open
 * (one that ended while the join was on its way) is not counted. No event is written for either, so a projection
 * rebuilt from the log agrees with the live one.
 *
 * <p>Quick to ask and never blocking for long: the live delivery asks it once per chat event.
 */
@Named
public final class ChatRooms {
    /** How many of a room's lines are kept for whoever comes in. */
    public static final int RECENT_LINES = 50;

    /** A room as lists show it. */
    public record Room(ChatRoomId id, RoomName name, RoomKind kind, Optional<ChatTopic> topic, AccountId creator,
                       Handle creatorHandle, Instant createdAt) {
        public static Room of(ChatRoomCreated e) {
            return new Room(e.room(), e.name(), e.kind(), e.topic(), e.creator(), e.creatorHandle(), e.at());
        }
    }

    /** One caller in a room: how many of their sessions are in it, since when the first. */
    public record Member(AccountId account, Handle handle, int sessions, Instant since) {}

    /** One line said (or done) in a room, by a caller or by a plugin. */
    public record Line(Speaker speaker, LineKind kind, ChatText text, Instant at) {
        public static Line of(ChatMessageSent e) {
            return new Line(new Speaker.Caller(e.account(), e.handle()), e.kind(), e.text(), e.at());
        }

        public static Line of(ChatPluginMessageSent e) {
            return new Line(new Speaker.Plugin(e.plugin()), LineKind.SAY, e.text(), e.at());
        }

        /** The line, if {@code event} is one said in a room. */
        public static Optional<Line> said(DomainEvent event) {
            return switch (event) {
                case ChatMessageSent e -> Optional.of(of(e));
                case ChatPluginMessageSent e -> Optional.of(of(e));
                default -> Optional.empty();
            };
        }
    }

    /** Who said a line: a caller (by the handle they had then) or a plugin speaking as itself. */
    public sealed interface Speaker {
        /** The name the line is shown under. */
        String name();

        record Caller(AccountId account, Handle handle) implements Speaker {
            public String name() {
                return handle.value();
            }
        }

        record Plugin(PluginName plugin) implements Speaker {
            public String name() {
                return plugin.value();
            }
        }
    }

    /** Everything kept about one room; guarded by the projection's lock. */
    private static final class Entry {
        final Room room;
        final Set<AccountId> invited = new HashSet<>();
        final Map<SessionId, ChatJoined> sessions = new LinkedHashMap<>();        // join order
        /** Sessions in the room, per account; read without the projection's lock ({@link #isMember}). */
        final Map<AccountId, Integer> accounts = new ConcurrentHashMap<>();
        final Map<AccountId, Instant> mutes = new HashMap<>();
        final ArrayDeque<Line> recent = new ArrayDeque<>(RECENT_LINES);

        Entry(Room room) {
            this.room = room;
        }

        void join(ChatJoined joined) {
            if (sessions.putIfAbsent(joined.session(), joined) == null) accounts.merge(joined.account(), 1, Integer::sum);
        }

        void leave(SessionId session) {
            var gone = sessions.remove(session);
            if (gone != null) accounts.computeIfPresent(gone.account(), (account, n) -> n == 1 ? null : n - 1);
        }
    }

    private final Rebuildable<State> state = new Rebuildable<>(State::new);

    /** The rooms, swapped whole when rebuilt; guarded by its own lock (but see {@link #isMember}). */
    static final class State implements ProjectionState {
        private final Map<ChatRoomId, Entry> rooms = new HashMap<>();
        /** The room {@link #isMember} was last asked about: every connection asks about the same line's room in turn. */
        private volatile RoomAccounts lastAsked;

        private record RoomAccounts(ChatRoomId room, Map<AccountId, Integer> accounts) {}
        /** Each room's {@link Entry#accounts}, for membership asked without the lock by every live connection. */
        private final Map<ChatRoomId, Map<AccountId, Integer>> accountsByRoom = new ConcurrentHashMap<>();
        private final Map<String, ChatRoomId> byNameKey = new HashMap<>();
        private final Map<SessionId, Set<ChatRoomId>> bySession = new HashMap<>();
        private final Set<SessionId> openSessions = new HashSet<>();

        /** Takes any event of the log: chat and session events are applied, the others ignored. */
        void feed(DomainEvent event) {
            switch (event) {
                case ChatEvent e -> apply(e);
                case SessionEvent e -> apply(e);
                case AccountEvent.AccountErased e -> forgetLinesOf(e.account());
                default -> { }                                          // not this projection's business
            }
        }

        /**
         * An erased caller's lines read back erased from the log (decision 0021); the recent lines held here show the
         * same at once, rather than after a restart.
         */
        private synchronized void forgetLinesOf(AccountId account) {
            for (var entry : rooms.values()) {
                var lines = new ArrayList<>(entry.recent);
                entry.recent.clear();
                for (var line : lines) {
                    entry.recent.add(line.speaker() instanceof Speaker.Caller caller && caller.account().equals(account)
                            ? new Line(line.speaker(), line.kind(), ChatText.ERASED, line.at()) : line);
                }
            }
        }

        synchronized void apply(ChatEvent event) {
            switch (event) {
                case ChatRoomEvent e -> apply(e);
                case PageEvent e -> { }                                 // pages live in no room
            }
        }

        private void apply(ChatRoomEvent event) {
            switch (event) {
                case ChatRoomNameClaimed e -> { }
                case ChatRoomCreated e -> {
                    if (rooms.containsKey(e.room())) return;
                    var entry = new Entry(Room.of(e));
                    rooms.put(e.room(), entry);
                    accountsByRoom.put(e.room(), entry.accounts);
                    byNameKey.putIfAbsent(e.name().key(), e.room());
                }
                case ChatInvited e -> entry(e.room()).ifPresent(room -> room.invited.add(e.account()));
                case ChatJoined e -> entry(e.room()).ifPresent(room -> {
                    if (!openSessions.contains(e.session())) return;     // ended before its join was applied
                    room.join(e);
                    bySession.computeIfAbsent(e.session(), s -> new LinkedHashSet<>()).add(e.room());
                });
                case ChatLeft e -> entry(e.room()).ifPresent(room -> {
                    room.leave(e.session());
                    var joined = bySession.get(e.session());
                    if (joined != null && joined.remove(e.room()) && joined.isEmpty()) bySession.remove(e.session());
                });
                case ChatMessageSent e -> recent(e.room(), Line.of(e));
                case ChatPluginMessageSent e -> recent(e.room(), Line.of(e));
                case ChatMemberMuted e -> entry(e.room()).ifPresent(room -> room.mutes.put(e.account(), e.until()));
                case ChatMemberUnmuted e -> entry(e.room()).ifPresent(room -> room.mutes.remove(e.account()));
            }
        }

        synchronized void apply(SessionEvent event) {
            switch (event) {
                case SessionStarted e -> openSessions.add(e.session());
                case SessionRefreshed e -> { }
                case SessionEnded e -> {
                    openSessions.remove(e.session());
                    var joined = bySession.remove(e.session());
                    if (joined != null) for (var room : joined) entry(room).ifPresent(r -> r.leave(e.session()));
                }
            }
        }

        private Optional<Entry> entry(ChatRoomId room) {
            return Optional.ofNullable(rooms.get(room));
        }

        private void recent(ChatRoomId id, Line line) {
            entry(id).ifPresent(room -> {
                if (room.recent.size() == RECENT_LINES) room.recent.removeFirst();
                room.recent.addLast(line);
            });
        }

        // ---- queries ----

        /** Every room, by name. */
        synchronized List<Room> rooms() {
            return rooms.values().stream().map(e -> e.room)
                    .sorted(Comparator.comparing((Room r) -> r.name().key()).thenComparing(r -> r.id().value())).toList();
        }

        synchronized Optional<Room> room(ChatRoomId room) {
            return entry(room).map(e -> e.room);
        }

        /** The room with this name (compared as {@link RoomName#key()} compares), if there is one. */
        synchronized Optional<Room> named(RoomName name) {
            return Optional.ofNullable(byNameKey.get(name.key())).flatMap(this::entry).map(e -> e.room);
        }

        /** Whether {@code account} was invited into the room (the creator needs no invitation and is not listed). */
        synchronized boolean isInvited(ChatRoomId room, AccountId account) {
            return entry(room).map(e -> e.invited.contains(account)).orElse(false);
        }

        /**
         * Whether any session of {@code account} is in the room now. Asked for every chat event and every live connection
         * in turn, so it takes no lock and remembers the last room asked about: one lookup per connection, no allocation.
         */
        boolean isMember(ChatRoomId room, AccountId account) {
            var last = lastAsked;
            Map<AccountId, Integer> accounts;
            if (last != null && last.room().equals(room)) {
                accounts = last.accounts();                       // the room's live map: changes show at once
            } else {
                accounts = accountsByRoom.get(room);
                if (accounts == null) return false;
                lastAsked = new RoomAccounts(room, accounts);
            }
            return accounts.containsKey(account);
        }

        /** The rooms {@code session} is in, in the order it joined them. */
        synchronized Set<ChatRoomId> roomsOf(SessionId session) {
            var joined = bySession.get(session);
            return joined == null ? Set.of() : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(joined));
        }

        /** The sessions of {@code account} in the room. */
        synchronized Set<SessionId> sessionsOf(ChatRoomId room, AccountId account) {
            var found = entry(room);
            if (found.isEmpty()) return Set.of();
            var sessions = new LinkedHashSet<SessionId>();
            for (var joined : found.get().sessions.values()) if (joined.account().equals(account)) sessions.add(joined.session());
            return java.util.Collections.unmodifiableSet(sessions);
        }

        /** The sessions in the room, in join order: where a line said in it goes. */
        synchronized List<SessionId> sessionsIn(ChatRoomId room) {
            return entry(room).map(e -> List.copyOf(e.sessions.keySet())).orElse(List.of());
        }

        /** The callers in the room, each once however many sessions they joined with, in the order they came. */
        synchronized List<Member> members(ChatRoomId room) {
            var found = entry(room);
            if (found.isEmpty()) return List.of();
            var members = new LinkedHashMap<AccountId, Member>();
            for (var joined : found.get().sessions.values()) {
                members.merge(joined.account(), new Member(joined.account(), joined.handle(), 1, joined.at()),
                        (first, more) -> new Member(first.account(), first.handle(), first.sessions() + 1, first.since()));
            }
            return List.copyOf(members.values());
        }

        /** How many callers are in the room. */
        synchronized int memberCount(ChatRoomId room) {
            return entry(room).map(e -> e.accounts.size()).orElse(0);
        }

        /** The room's last lines (at most {@value #RECENT_LINES}), oldest first. */
        synchronized List<Line> recentLines(ChatRoomId room) {
            return entry(room).map(e -> List.copyOf(new ArrayList<>(e.recent))).orElse(List.of());
        }

        /** Until when {@code account} is muted in the room, if a mute is running {@code at} that moment. */
        synchronized Optional<Instant> mutedUntil(ChatRoomId room, AccountId account, Instant at) {
            return entry(room).flatMap(e -> Optional.ofNullable(e.mutes.get(account))).filter(at::isBefore);
        }

        @Override
        public void apply(RecordedEvent recorded) {
            feed(recorded.event());
        }

        @Override
        public synchronized ProjectionSnapshot snapshot() {
            var snapshot = ProjectionSnapshot.builder();
            rooms.forEach((id, e) -> snapshot.put("room/" + id, List.of(e.room,
                    e.invited.stream().map(AccountId::toString).sorted().toList(), List.copyOf(e.sessions.values()),
                    new java.util.TreeMap<>(e.accounts.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                            a -> a.getKey().toString(), Map.Entry::getValue))),
                    new java.util.TreeMap<>(e.mutes.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                            a -> a.getKey().toString(), Map.Entry::getValue))),
                    List.copyOf(e.recent))));
            accountsByRoom.forEach((id, accounts) -> snapshot.put("room-accounts/" + id, accounts.size()));
            byNameKey.forEach((key, id) -> snapshot.put("name/" + key, id));
            bySession.forEach((session, joined) -> snapshot.put("session-rooms/" + session, List.copyOf(joined)));
            openSessions.forEach(session -> snapshot.put("open/" + session, true));
            return snapshot.build();
        }
    }

    /** The rooms' state, for rebuilding them (the persistence adapter's processors feed {@code live()}). */
    public Rebuildable<?> rebuildable() {
        return state;
    }

    /** Takes any event of the log: chat and session events are applied, the others ignored. */
    public void feed(DomainEvent event) {
        state.live().feed(event);
    }

    public void apply(ChatEvent event) {
        state.live().apply(event);
    }

    public void apply(SessionEvent event) {
        state.live().apply(event);
    }

    /** Every room, by name. */
    public List<Room> rooms() {
        return state.live().rooms();
    }

    public Optional<Room> room(ChatRoomId room) {
        return state.live().room(room);
    }

    /** The room with this name (compared as {@link RoomName#key()} compares), if there is one. */
    public Optional<Room> named(RoomName name) {
        return state.live().named(name);
    }

    /** Whether {@code account} was invited into the room (the creator needs no invitation and is not listed). */
    public boolean isInvited(ChatRoomId room, AccountId account) {
        return state.live().isInvited(room, account);
    }

    /**
     * Whether any session of {@code account} is in the room now. Asked for every chat event and every live connection
     * in turn, so it takes no lock and remembers the last room asked about: one lookup per connection, no allocation.
     */
    public boolean isMember(ChatRoomId room, AccountId account) {
        return state.live().isMember(room, account);
    }

    /** The rooms {@code session} is in, in the order it joined them. */
    public Set<ChatRoomId> roomsOf(SessionId session) {
        return state.live().roomsOf(session);
    }

    /** The sessions of {@code account} in the room. */
    public Set<SessionId> sessionsOf(ChatRoomId room, AccountId account) {
        return state.live().sessionsOf(room, account);
    }

    /** The sessions in the room, in join order: where a line said in it goes. */
    public List<SessionId> sessionsIn(ChatRoomId room) {
        return state.live().sessionsIn(room);
    }

    /** The callers in the room, each once however many sessions they joined with, in the order they came. */
    public List<Member> members(ChatRoomId room) {
        return state.live().members(room);
    }

    /** How many callers are in the room. */
    public int memberCount(ChatRoomId room) {
        return state.live().memberCount(room);
    }

    /** The room's last lines (at most {@value #RECENT_LINES}), oldest first. */
    public List<Line> recentLines(ChatRoomId room) {
        return state.live().recentLines(room);
    }

    /** Until when {@code account} is muted in the room, if a mute is running {@code at} that moment. */
    public Optional<Instant> mutedUntil(ChatRoomId room, AccountId account, Instant at) {
        return state.live().mutedUntil(room, account, at);
    }
}
