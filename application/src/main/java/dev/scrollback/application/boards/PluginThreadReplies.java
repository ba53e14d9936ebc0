package dev.scrollback.application.boards;

import dev.scrollback.application.hooks.PluginReply;
import dev.scrollback.application.hooks.PluginReplying;
import dev.scrollback.application.hooks.PostOutcome;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimiter;
import dev.scrollback.application.shared.RateLimiter.Limit;
import dev.scrollback.application.shared.Retried;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.boards.BoardDecider;
import dev.scrollback.domain.boards.BoardEvent;
import dev.scrollback.domain.boards.BoardEvent.BoardCreated;
import dev.scrollback.domain.boards.BoardRejected;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.boards.MessageEvent;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.ThreadDecider;
import dev.scrollback.domain.boards.ThreadId;
import dev.scrollback.domain.shared.InvalidValue;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A plugin replies in a board thread as itself ({@code post_message} with a thread): {@code PluginReplyPosted} with the
 * plugin as actor, only on boards any member may read and post on. Every refusal is an answer the plugin can log, never
 * an exception into its call. No filter sees the reply and no plugin is told of it ({@link PluginReplying}: no
 * re-entry, no two plugins answering each other forever).
 */
@Named
final class PluginThreadReplies implements PluginReplying {
    /** Per plugin, across threads: a burst of five replies, then one every six seconds — a board is not a chat room. */
    static final Limit REPLIES_PER_PLUGIN = new Limit("thread-replies-per-plugin", 5, Duration.ofSeconds(30));

    private static final String NO_SUCH_THREAD = "no such thread";

    private final EventLog log;
    private final Clock clock;
    private final RateLimiter limiter;

    PluginThreadReplies(EventLog log, Clock clock, RateLimiter limiter) {
        this.log = log;
        this.clock = clock;
        this.limiter = limiter;
    }

    @Override
    public PostOutcome reply(PluginReply reply) {
        MessageBody body;
        try {
            body = new MessageBody(reply.text());
        } catch (InvalidValue invalid) {
            return new PostOutcome.Refused(invalid.getMessage());
        }
        var thread = new ThreadId(reply.thread());
        // from the streams rather than the projections: a plugin answers the moment a message is posted
        var state = Decision.Loaded.load(log, BoardStreams.thread(thread), new ThreadDecider(thread), MessageEvent.class).state();
        if (!(state instanceof ThreadDecider.Started started)) return new PostOutcome.Refused(NO_SUCH_THREAD);
        var board = boardOf(started);
        if (board.isEmpty()) return new PostOutcome.Refused(NO_SUCH_THREAD);
        if (limiter.acquire(REPLIES_PER_PLUGIN, reply.plugin().value()) instanceof RateLimiter.Decision.Denied denied) {
            return new PostOutcome.Refused("too many replies; try again in " + denied.retryAfter().toSeconds() + " s");
        }
        var message = new MessageId(UuidV7.next());
        var metadata = EventMetadata.of(Actor.plugin(reply.version(), reply.plugin().value()), Origin.plugin(), clock.instant());
        try {
            // A rival reply took the version first: decide again on the newer thread (the new message id stays).
            Retried.onConflict(3, () -> {
                var command = new ThreadDecider.PluginReply(message, reply.plugin(), body, board.get().access(), clock.instant());
                var decision = Decision.make(log, BoardStreams.thread(thread), new ThreadDecider(thread), MessageEvent.class,
                        command);
                log.append(decision.toAppend(), metadata);
                return message;
            });
        } catch (BoardRejected rejected) {
            return new PostOutcome.Refused(switch (rejected.reason()) {
                case BoardRejected.ThreadIsLocked locked -> "the thread is locked";
                default -> NO_SUCH_THREAD;                  // a board a plugin may not speak on is not told apart
            });
        }
        return new PostOutcome.Replied(thread.value(), message.value());
    }

    private Optional<BoardCreated> boardOf(ThreadDecider.Started thread) {
        return Decision.Loaded.load(log, BoardStreams.board(thread.board()), new BoardDecider(), BoardEvent.class).state()
                .board();
    }
}
