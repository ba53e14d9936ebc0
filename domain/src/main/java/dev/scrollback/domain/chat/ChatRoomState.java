package dev.scrollback.domain.chat;

import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatRoomCreated;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.SessionId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The lifecycle of one chat room, as far as its decisions need it (its lines are not kept: nothing depends on them). */
public sealed interface ChatRoomState {
    record Unopened() implements ChatRoomState {}

    /**
     * {@code members}: the joined sessions in join order; {@code mutes}: until when each muted account is silent (a
     * mute that ran out may linger here; {@link #mutedUntil} ignores it).
     */
    record Opened(ChatRoomCreated created, Set<AccountId> invited, Map<SessionId, Member> members,
                  Map<AccountId, Instant> mutes) implements ChatRoomState {
        public Opened {
            invited = Set.copyOf(invited);
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
            mutes = Map.copyOf(mutes);
        }

        public ChatRoomId room() {
            return created.room();
        }

        public RoomKind kind() {
            return created.kind();
        }

        public boolean isCreator(AccountId account) {
            return created.creator().equals(account);
        }

        /** Anyone may join a public room; a private one takes its creator, its invitees and sysops. */
        public boolean mayJoin(Participant who) {
            return kind() == RoomKind.PUBLIC || isCreator(who.account()) || invited.contains(who.account()) || who.holds(Role.SYSOP);
        }

        /** Whether {@code who} may invite into this room: its creator or a sysop (public rooms need no invitations). */
        public boolean mayInvite(Participant who) {
            return isCreator(who.account()) || who.holds(Role.SYSOP);
        }

        /**
         * Standing for kicks and mutes: sysop 3, moderator 2, the room's creator 1, anyone else 0. A moderator acts on
         * those who rank below them only, so nobody silences their equal or their superior.
         */
        public int rank(Participant who) {
            if (who.holds(Role.SYSOP)) return 3;
            if (who.holds(Role.MODERATOR)) return 2;
            return isCreator(who.account()) ? 1 : 0;
        }

        public boolean mayModerate(Participant who) {
            return mayJoin(who) && rank(who) > 0;
        }

        /** The sessions of {@code account} in the room, in join order. */
        public List<SessionId> sessionsOf(AccountId account) {
            return members.entrySet().stream().filter(e -> e.getValue().account().equals(account)).map(Map.Entry::getKey).toList();
        }

        public boolean hasJoined(AccountId account, SessionId session) {
            var member = members.get(session);
            return member != null && member.account().equals(account);
        }

        /** Until when {@code account} is silent, if a mute is running {@code at} that moment. */
        public Optional<Instant> mutedUntil(AccountId account, Instant at) {
            return Optional.ofNullable(mutes.get(account)).filter(at::isBefore);
        }

        Opened withInvited(AccountId account) {
            var more = new java.util.HashSet<>(invited);
            more.add(account);
            return new Opened(created, more, members, mutes);
        }

        Opened withMember(SessionId session, Member member) {
            var more = new LinkedHashMap<>(members);
            more.put(session, member);
            return new Opened(created, invited, more, mutes);
        }

        Opened without(SessionId session) {
            if (!members.containsKey(session)) return this;
            var fewer = new LinkedHashMap<>(members);
            fewer.remove(session);
            return new Opened(created, invited, fewer, mutes);
        }

        Opened withMute(AccountId account, Optional<Instant> until) {
            var next = new java.util.HashMap<>(mutes);
            until.ifPresentOrElse(u -> next.put(account, u), () -> next.remove(account));
            return new Opened(created, invited, members, next);
        }
    }

    /** Who holds one joined session. */
    record Member(AccountId account, Handle handle, Instant since) {}
}
