package dev.scrollback.application.live;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.boards.Boards;
import dev.scrollback.application.mail.Mailboxes;
import dev.scrollback.domain.boards.BoardAccess;
import dev.scrollback.domain.boards.BoardEvent.BoardCreated;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.MessageEvent;
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
 * mail (sent, received, read receipts on what they sent, their own deletions). What the live view of an event shows is
 * its public view ({@link LiveItem#view()}): no addresses, no email, no secrets, whoever asks.
 */
@Named
public final class LiveInterests {
    private final Boards boards;
    private final Mailboxes mailboxes;

    @Inject
    public LiveInterests(Boards boards, Mailboxes mailboxes) {
        this.boards = boards;
        this.mailboxes = mailboxes;
    }

    public LiveInterest of(Caller caller) {
        return LiveInterest.anyOf(LiveInterests::presence, boards(caller), mail(caller));
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
