package dev.scrollback.domain.boards;

import dev.scrollback.domain.boards.BoardRejected.EditWindowClosed;
import dev.scrollback.domain.boards.BoardRejected.MessageWasDeleted;
import dev.scrollback.domain.boards.BoardRejected.NoSuchMessage;
import dev.scrollback.domain.boards.BoardRejected.NoSuchThread;
import dev.scrollback.domain.boards.BoardRejected.NotTheAuthor;
import dev.scrollback.domain.boards.BoardRejected.ThreadExists;
import dev.scrollback.domain.boards.BoardRejected.ThreadIsLocked;
import dev.scrollback.domain.boards.MessageEvent.MessageDeleted;
import dev.scrollback.domain.boards.MessageEvent.MessageEdited;
import dev.scrollback.domain.boards.MessageEvent.MessagePosted;
import dev.scrollback.domain.boards.MessageEvent.PluginReplyPosted;
import dev.scrollback.domain.boards.MessageEvent.ThreadLocked;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Decider;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.PluginName;
import dev.scrollback.domain.accounts.Role;
import java.util.Set;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One thread on its own stream ({@code thread-<uuid>}): started by its first message, replied to until a moderator
 * locks it. Who may post, delete or lock is decided by the application from the board's access and the caller's
 * roles; what the thread itself allows (a locked thread takes no replies; only the author edits, within the window)
 * is decided here.
 */
public final class ThreadDecider implements Decider<ThreadDecider.Command, ThreadDecider.State, MessageEvent> {
    /** How long after posting its author may still edit a message. */
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(15);

    public sealed interface Command {
        Instant at();
    }

    public record Start(ThreadId thread, BoardId board, MessageId message, AccountId author, Handle authorHandle,
                        Subject subject, MessageBody body, Instant at) implements Command {}

    /** {@code subject} empty: "Re: " and the thread's subject. {@code inReplyTo} empty: a reply to the thread. */
    public record Reply(MessageId message, AccountId author, Handle authorHandle, Optional<Subject> subject,
                        MessageBody body, Optional<MessageId> inReplyTo, Instant at) implements Command {}

    /**
     * A plugin replies to the thread as itself. {@code boardAccess} is the access of the thread's board: a plugin speaks
     * only where any member could read and post, and elsewhere the thread is "no such thread" to it.
     */
    public record PluginReply(MessageId message, PluginName plugin, MessageBody body, BoardAccess boardAccess, Instant at)
            implements Command {}

    public record Edit(MessageId message, AccountId editor, MessageBody body, Instant at) implements Command {}

    public record Delete(MessageId message, String reason, Instant at) implements Command {
        public Delete {
            reason = OneLine.of("reason", reason, 200);
        }
    }

    public record Lock(String reason, Instant at) implements Command {
        public Lock {
            reason = reason == null || reason.isBlank() ? "" : OneLine.of("reason", reason, 200);
        }
    }

    /** What a thread's decisions need to know of one message; {@code author} is empty for a plugin's reply. */
    public record Post(Optional<AccountId> author, Instant at, boolean deleted) {}

    public sealed interface State {}

    public record NotStarted() implements State {}

    public record Started(ThreadId thread, BoardId board, Subject subject, boolean locked, Map<MessageId, Post> posts)
            implements State {
        public Started {
            posts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(posts));
        }

        Started with(MessageId message, Post post) {
            var more = new LinkedHashMap<>(posts);
            more.put(message, post);
            return new Started(thread, board, subject, locked, more);
        }
    }

    /** Any member: what a board must let read and post for a plugin to reply on it. */
    private static final Set<Role> MEMBERS = Set.of(Role.MEMBER);

    private final ThreadId thread;

    public ThreadDecider(ThreadId thread) {
        this.thread = thread;
    }

    @Override
    public State initialState() {
        return new NotStarted();
    }

    @Override
    public List<MessageEvent> decide(Command command, State state) {
        return switch (state) {
            case NotStarted n -> switch (command) {
                case Start s -> List.of(new MessagePosted(s.message(), thread, s.board(), s.author(), s.authorHandle(),
                        s.subject(), s.body(), Optional.empty(), s.at()));
                default -> throw rejected(new NoSuchThread());
            };
            case Started t -> decide(command, t);
        };
    }

    private static List<MessageEvent> decide(Command command, Started t) {
        return switch (command) {
            case Start s -> throw rejected(new ThreadExists());
            case Reply r -> {
                if (t.locked()) throw rejected(new ThreadIsLocked());
                if (r.inReplyTo().isPresent() && !t.posts().containsKey(r.inReplyTo().get())) throw rejected(new NoSuchMessage());
                yield List.of(new MessagePosted(r.message(), t.thread(), t.board(), r.author(), r.authorHandle(),
                        r.subject().orElseGet(() -> t.subject().reply()), r.body(), r.inReplyTo(), r.at()));
            }
            case PluginReply r -> {
                if (!r.boardAccess().mayRead(MEMBERS) || !r.boardAccess().mayPost(MEMBERS)) throw rejected(new NoSuchThread());
                if (t.locked()) throw rejected(new ThreadIsLocked());
                yield List.of(new PluginReplyPosted(r.message(), t.thread(), t.board(), r.plugin(), t.subject().reply(),
                        r.body(), r.at()));
            }
            case Edit e -> {
                var post = live(t, e.message());
                if (!post.author().equals(Optional.of(e.editor()))) throw rejected(new NotTheAuthor());
                var closes = post.at().plus(EDIT_WINDOW);
                if (!e.at().isBefore(closes)) throw rejected(new EditWindowClosed(closes));
                if (t.locked()) throw rejected(new ThreadIsLocked());
                yield List.of(new MessageEdited(e.message(), t.thread(), t.board(), e.body(), e.at()));
            }
            case Delete d -> {
                live(t, d.message());
                yield List.of(new MessageDeleted(d.message(), t.thread(), t.board(), d.reason(), d.at()));
            }
            // Locking twice changes nothing: a second moderator's click records nothing.
            case Lock l -> t.locked() ? List.of() : List.of(new ThreadLocked(t.thread(), t.board(), l.reason(), l.at()));
        };
    }

    private static Post live(Started t, MessageId message) {
        var post = t.posts().get(message);
        if (post == null) throw rejected(new NoSuchMessage());
        if (post.deleted()) throw rejected(new MessageWasDeleted());
        return post;
    }

    private static BoardRejected rejected(BoardRejected.Reason reason) {
        return new BoardRejected(reason);
    }

    @Override
    public State evolve(State state, MessageEvent event) {
        return switch (state) {
            case NotStarted n -> event instanceof MessagePosted p
                    ? new Started(p.thread(), p.board(), p.subject(), false, Map.of(p.message(), new Post(Optional.of(p.author()), p.at(), false)))
                    : n;
            case Started t -> switch (event) {
                case MessagePosted p -> t.with(p.message(), new Post(Optional.of(p.author()), p.at(), false));
                case PluginReplyPosted p -> t.with(p.message(), new Post(Optional.empty(), p.at(), false));
                case MessageEdited e -> t;
                case MessageDeleted d -> {
                    var post = t.posts().get(d.message());
                    yield post == null ? t : t.with(d.message(), new Post(post.author(), post.at(), true));
                }
                case ThreadLocked l -> new Started(t.thread(), t.board(), t.subject(), true, t.posts());
            };
        };
    }
}
