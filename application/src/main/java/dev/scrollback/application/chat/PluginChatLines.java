package dev.scrollback.application.chat;

import dev.scrollback.application.hooks.PluginPost;
import dev.scrollback.application.hooks.PluginPosting;
import dev.scrollback.application.hooks.PostOutcome;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimiter.Limit;
import dev.scrollback.application.shared.RateLimiter;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.chat.ChatRejected;
import dev.scrollback.domain.chat.ChatRoomCommand;
import dev.scrollback.domain.chat.ChatRoomDecider;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatRoomNameClaimed;
import dev.scrollback.domain.chat.ChatRoomEvent;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.chat.ChatText;
import dev.scrollback.domain.chat.RoomName;
import dev.scrollback.domain.shared.InvalidValue;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A plugin speaks in a public chat room as itself ({@code post_message}): {@code ChatPluginMessageSent} with the plugin
 * as actor. Every refusal is an answer the plugin can log, never an exception into its call. No filter sees the line
 * and no plugin is told of it ({@link PluginPosting}: no re-entry, no two plugins answering each other forever).
 */
@Named
final class PluginChatLines implements PluginPosting {
    /** Per plugin, across rooms: a burst of ten lines, then one a second — like a caller, so a bot cannot flood. */
    static final Limit LINES_PER_PLUGIN = new Limit("chat-lines-per-plugin", 10, Duration.ofSeconds(10));

    private final EventLog log;
    private final Clock clock;
    private final RateLimiter limiter;

    PluginChatLines(EventLog log, Clock clock, RateLimiter limiter) {
        this.log = log;
        this.clock = clock;
        this.limiter = limiter;
    }

    @Override
    public PostOutcome post(PluginPost post) {
        RoomName name;
        ChatText text;
        try {
            name = new RoomName(post.room());
            text = new ChatText(post.text());
        } catch (InvalidValue invalid) {
            return new PostOutcome.Refused(invalid.getMessage());
        }
        var room = named(name);
        if (room.isEmpty()) return new PostOutcome.Refused("no public room is named " + name.value());
        if (limiter.acquire(LINES_PER_PLUGIN, post.plugin().value()) instanceof RateLimiter.Decision.Denied denied) {
            return new PostOutcome.Refused("too many lines; try again in " + denied.retryAfter().toSeconds() + " s");
        }
        var command = new ChatRoomCommand.SayAsPlugin(post.plugin(), text, clock.instant());
        try {
            var decision = Decision.make(log, ChatStreams.room(room.get()), new ChatRoomDecider(),
                    ChatRoomEvent.class, command);
            // a line depends on nothing another line changes: appended without expecting the room's version
            log.append(new StreamAppend(decision.stream(), ExpectedVersion.any(), decision.events()),
                    EventMetadata.of(Actor.plugin(post.version(), post.plugin().value()), Origin.plugin(), command.at()));
        } catch (ChatRejected rejected) {
            return new PostOutcome.Refused("no public room is named " + name.value());   // private rooms are not told apart
        }
        return new PostOutcome.Posted(room.get().value());
    }

    /**
     * The room holding {@code name}, from the name's own stream rather than the projection: a plugin often answers the
     * moment a room is opened or a line said (a trigger), before the projection has read it.
     */
    private Optional<ChatRoomId> named(RoomName name) {
        return log.readAfter(ChatStreams.roomName(name), -1).stream().map(RecordedEvent::event)
                .filter(ChatRoomNameClaimed.class::isInstance).map(e -> ((ChatRoomNameClaimed) e).room()).findFirst();
    }
}
