package dev.scrollback.application.live;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.boards.Boards;
import dev.scrollback.application.chat.ChatRooms;
import dev.scrollback.application.mail.Mailboxes;
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
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    public LiveInterest of(Caller caller) {
        return LiveInterest.anyOf(LiveInterests::presence, boards(caller), mail(caller), chat(caller), pages(caller));
    }

    /**
     * Chat: public rooms opening, invitations to the caller, and everything said and done in rooms the caller is in
     * (on any session) — learnt from the projection, and from the caller's own joins as they stream by, so a line said
     * right after a join is never missed because the projection had not seen the join yet.
     */
    private LiveInterest chat(Caller caller) {
        Set<ChatRoomId> mine = new HashSet<>();
        var me = caller.account();
        return recorded -> switch (recorded.event()) {
            case ChatRoomCreated created -> created.kind() == RoomKind.PUBLIC || created.creator().equals(me);
            case ChatInvited invited -> invited.account().equals(me) || in(mine, invited.room(), me);
            case ChatJoined joined -> {
                if (joined.account().equals(me)) mine.add(joined.room());
                yield in(mine, joined.room(), me);
            }
            case ChatLeft left -> {
                boolean concerned = left.account().equals(me) || in(mine, left.room(), me);
                if (left.account().equals(me) && !chatRooms.isMember(left.room(), me)) mine.remove(left.room());
                yield concerned;
            }
            case ChatMessageSent sent -> in(mine, sent.room(), me);
            case ChatMemberMuted muted -> muted.account().equals(me) || in(mine, muted.room(), me);
            case ChatMemberUnmuted unmuted -> unmuted.account().equals(me) || in(mine, unmuted.room(), me);
            default -> false;
        };
    }

    private boolean in(Set<ChatRoomId> mine, ChatRoomId room, dev.scrollback.domain.shared.AccountId me) {
        if (mine.contains(room)) return true;
        if (!chatRooms.isMember(room, me)) return false;
        mine.add(room);
        return true;
    }

    /** Pages to or from the caller. */
    private static LiveInterest pages(Caller caller) {
        return recorded -> recorded.event() instanceof PageSent page
                && (page.to().equals(caller.account()) || page.from().equals(caller.account()));
    }

    private static boolean presence(dev.scrollback.application.shared.RecordedEvent recorded) {
        return recorded.event() instanceof SessionStarted || recorded.event() instanceof SessionEnded;
    }

    /** Boards the caller may read; boards created while connected are learnt from their own event, in order. */
    private LiveInterest boards(Caller caller) {
        Map<BoardId, BoardAccess> learnt = new HashMap<>();
        return recorded -> switch (recorded.event()) {
            case BoardCreated created -> {
                learnt.put(created.board(), created.access());
                yield created.access().mayRead(caller.roles());
            }
            case MessageEvent.MessagePosted posted -> readable(caller, learnt, posted.board());
            case MessageEvent.MessageEdited edited -> readable(caller, learnt, edited.board());
            case MessageEvent.MessageDeleted deleted -> readable(caller, learnt, deleted.board());
            case MessageEvent.ThreadLocked locked -> readable(caller, learnt, locked.board());
            default -> false;
        };
    }

    private boolean readable(Caller caller, Map<BoardId, BoardAccess> learnt, BoardId board) {
        var access = Optional.ofNullable(learnt.get(board)).or(() -> boards.board(board).map(Boards.Board::access));
        return access.map(a -> a.mayRead(caller.roles())).orElse(false);
    }

    /** Mail to or from the caller, read receipts on what they sent, and their own deletions. */
    private LiveInterest mail(Caller caller) {
        Set<PrivateMessageId> sentByMe = new HashSet<>();
        return recorded -> switch (recorded.event()) {
            case PrivateMessageSent sent -> {
                boolean mine = sent.sender().equals(caller.account());
                if (mine) sentByMe.add(sent.message());
                yield mine || sent.recipient().equals(caller.account());
            }
            case PrivateMessageRead read -> read.reader().equals(caller.account()) || sentByMe.contains(read.message())
                    || mailboxes.senderOf(read.message()).filter(caller.account()::equals).isPresent();
            case PrivateMessageDeleted deleted -> deleted.deletedBy().equals(caller.account());
            default -> false;
        };
    }
}
