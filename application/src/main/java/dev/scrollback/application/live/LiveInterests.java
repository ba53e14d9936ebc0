package dev.scrollback.application.live;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.boards.Boards;
import dev.scrollback.application.chat.ChatRooms;
import dev.scrollback.application.mail.Mailboxes;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.boards.BoardAccess;
import dev.scrollback.domain.boards.BoardEvent.BoardCreated;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.MessageEvent;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatInvited;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatJoined;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatLeft;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatMemberMuted;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatMemberUnmuted;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatMessageSent;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatPluginMessageSent;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatRoomCreated;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.chat.PageEvent.PageSent;
import dev.scrollback.domain.chat.RoomKind;
import dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageDeleted;
import dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageRead;
import dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageSent;
import dev.scrollback.domain.mail.PrivateMessageId;
import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.SessionId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which events concern a caller on a live connection (issue 5 item 2): presence (every {@code SessionStarted} and
 * {@code SessionEnded}: who's online is public), posts and moderation on boards the caller may read, their own private
 * mail (sent, received, read receipts on what they sent, their own deletions), chat in the rooms they are in, and pages
 * to or from them. What the live view of an event shows is
 * its public view ({@link LiveItem#view()}): no addresses, no email, no secrets, whoever asks.
 */
@Named
public final class LiveInterests {
    private final Boards boards;
    private final Mailboxes mailboxes;
    private final ChatRooms chatRooms;

    @Inject
    public LiveInterests(Boards boards, Mailboxes mailboxes, ChatRooms chatRooms) {
        this.boards = boards;
        this.mailboxes = mailboxes;
        this.chatRooms = chatRooms;
    }

    public CallerInterest of(Caller caller) {
        return new CallerInterest(caller);
    }

    /**
     * One caller's interest: a single switch over the event's type (asked for every event and every connection, so it
     * is kept to one type test and a set lookup or two), with what it learns from the events it sees.
     */
    public final class CallerInterest implements LiveInterest {
        private final Caller caller;
        private final AccountId me;
        /**
         * The caller's sessions in each room this connection knows of: from the projection when first asked, then from
         * the caller's own joins, leaves and ended sessions as they stream by — so what this connection was sent decides,
         * not how far the projection has got. A room left keeps its (empty) entry: the projection, should it lag, would
         * say she is still there. Written by the thread that asks {@link #concerns}, read by any.
         */
        private final Map<ChatRoomId, Set<SessionId>> rooms = new ConcurrentHashMap<>();
        private final Map<BoardId, BoardAccess> boardsLearnt = new HashMap<>();
        private final Set<PrivateMessageId> sentByMe = new HashSet<>();

        CallerInterest(Caller caller) {
            this.caller = caller;
            this.me = caller.account();
        }

        @Override
        public boolean concerns(RecordedEvent recorded) {
            return switch (recorded.event()) {
                // chat (the busiest by far, so first): public rooms opening, invitations to the caller, and everything
                // said and done in rooms the caller is in, on any session — a line said right after a join is never
                // missed because the projection had not seen the join yet
                case ChatMessageSent sent -> in(sent.room());
                case ChatPluginMessageSent said -> in(said.room());
                case ChatJoined joined -> {
                    if (joined.account().equals(me)) sessionsIn(joined.room()).add(joined.session());
                    yield in(joined.room());
                }
                case ChatLeft left -> {
                    boolean mine = left.account().equals(me);
                    boolean concerned = mine || in(left.room());
                    if (mine) gone(left.room(), left.session());
                    yield concerned;
                }
                case ChatRoomCreated created -> created.kind() == RoomKind.PUBLIC || created.creator().equals(me);
                case ChatInvited invited -> invited.account().equals(me) || in(invited.room());
                case ChatMemberMuted muted -> muted.account().equals(me) || in(muted.room());
                case ChatMemberUnmuted unmuted -> unmuted.account().equals(me) || in(unmuted.room());
                // pages to or from the caller
                case PageSent page -> page.to().equals(me) || page.from().equals(me);
                // presence: who's online is public
                case SessionStarted started -> true;
                case SessionEnded ended -> {
                    if (!rooms.isEmpty()) for (var sessions : rooms.values()) sessions.remove(ended.session());   // left all
                    yield true;
                }
                // boards the caller may read; boards created while connected are learnt from their own event, in order
                case BoardCreated created -> {
                    boardsLearnt.put(created.board(), created.access());
                    yield created.access().mayRead(caller.roles());
                }
                case MessageEvent.MessagePosted posted -> readable(posted.board());
                case MessageEvent.PluginReplyPosted replied -> readable(replied.board());
                case MessageEvent.MessageEdited edited -> readable(edited.board());
                case MessageEvent.MessageDeleted deleted -> readable(deleted.board());
                case MessageEvent.ThreadLocked locked -> readable(locked.board());
                // mail to or from the caller, read receipts on what they sent, and their own deletions
                case PrivateMessageSent sent -> {
                    boolean mine = sent.sender().equals(me);
                    if (mine) sentByMe.add(sent.message());
                    yield mine || sent.recipient().equals(me);
                }
                case PrivateMessageRead read -> read.reader().equals(me) || sentByMe.contains(read.message())
                        || mailboxes.senderOf(read.message()).filter(me::equals).isPresent();
                case PrivateMessageDeleted deleted -> deleted.deletedBy().equals(me);
                default -> false;
            };
        }

        /**
         * Whether the caller is in {@code room}, as far as this connection has been told (or, for a room it has not
         * heard of, as the projection says). Safe from any thread, and it changes nothing: a typing signal asks it.
         */
        public boolean isIn(ChatRoomId room) {
            var sessions = rooms.get(room);
            return sessions != null ? !sessions.isEmpty() : chatRooms.isMember(room, me);
        }

        private boolean in(ChatRoomId room) {
            var sessions = rooms.get(room);
            if (sessions != null) return !sessions.isEmpty();
            if (!chatRooms.isMember(room, me)) return false;
            sessionsIn(room);
            return true;
        }

        /** The caller's sessions in the room, learnt from the projection the first time. */
        private Set<SessionId> sessionsIn(ChatRoomId room) {
            return rooms.computeIfAbsent(room, r -> {
                var sessions = ConcurrentHashMap.<SessionId>newKeySet();
                sessions.addAll(chatRooms.sessionsOf(r, me));
                return sessions;
            });
        }

        /** One of the caller's sessions left the room. */
        private void gone(ChatRoomId room, SessionId session) {
            sessionsIn(room).remove(session);
        }

        private boolean readable(BoardId board) {
            var access = Optional.ofNullable(boardsLearnt.get(board)).or(() -> boards.board(board).map(Boards.Board::access));
            return access.map(a -> a.mayRead(caller.roles())).orElse(false);
        }
    }
}
