package dev.scrollback.application.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.hooks.PluginPost;
import dev.scrollback.application.hooks.PostOutcome;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.CountingRateLimiter;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatPluginMessageSent;
import dev.scrollback.domain.chat.RoomKind;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.PluginName;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code post_message} in chat: a plugin speaks as itself in public rooms, and every refusal is an answer. */
class PluginChatLinesTest {
    static final UUID VERSION = UUID.fromString("0195f0a0-0000-7000-8000-0000000000aa");
    static final PluginName BOT = new PluginName("auto-responder");

    final ControlledClock clock = ControlledClock.at(ChatFixture.T0.toString());
    final CountingRateLimiter limiter = new CountingRateLimiter(clock);
    final ChatFixture f = new ChatFixture(clock, limiter);
    final PluginChatLines lines = new PluginChatLines(f.log, clock, limiter);

    @Test
    void a_plugin_says_a_line_in_a_public_room_by_its_name_with_itself_as_actor() {
        var mod = f.moderator("Mod");
        var lobby = f.room(mod, "Lobby", RoomKind.PUBLIC);                 // not caught up: the name's stream says

        assertThat(lines.post(new PluginPost(BOT, VERSION, "lobby", "Hello, all!")))
                .isEqualTo(new PostOutcome.Posted(lobby.value()));

        var recorded = f.log.readAfter(0, 1000).getLast();
        assertThat(recorded.event()).isEqualTo(new ChatPluginMessageSent(lobby, BOT,
                new dev.scrollback.domain.chat.ChatText("Hello, all!"), clock.instant()));
        assertThat(recorded.metadata().actor()).isEqualTo(Actor.plugin(VERSION, "auto-responder"));
        assertThat(recorded.metadata().origin().channel()).isEqualTo(Channel.PLUGIN);
        f.catchUp();
        assertThat(f.rooms.recentLines(lobby)).extracting(l -> l.speaker().name() + ": " + l.text().value())
                .containsExactly("auto-responder: Hello, all!");
    }

    @Test
    void private_rooms_unknown_rooms_and_lines_that_are_not_lines_are_refused_with_why_and_nothing_is_recorded() {
        var alice = f.member("Alice");
        f.room(alice, "Den", RoomKind.PRIVATE);
        f.catchUp();
        long before = f.log.readAfter(0, 1000).size();

        assertThat(lines.post(new PluginPost(BOT, VERSION, "Den", "psst")))
                .isEqualTo(new PostOutcome.Refused("no public room is named Den"));
        assertThat(lines.post(new PluginPost(BOT, VERSION, "Nowhere", "hello")))
                .isEqualTo(new PostOutcome.Refused("no public room is named Nowhere"));
        assertThat(lines.post(new PluginPost(BOT, VERSION, "Den", "two\nlines"))).isInstanceOf(PostOutcome.Refused.class);
        assertThat(lines.post(new PluginPost(BOT, VERSION, "Den", "x".repeat(10_000)))).isInstanceOf(PostOutcome.Refused.class);
        assertThat(lines.post(new PluginPost(BOT, VERSION, "", "hello"))).isInstanceOf(PostOutcome.Refused.class);
        assertThat(f.log.readAfter(0, 1000)).hasSize((int) before);
    }

    @Test
    void a_plugin_is_held_to_a_burst_of_lines_like_a_caller() {
        var lobby = f.room(f.moderator("Mod"), "Lobby", RoomKind.PUBLIC);
        f.catchUp();
        int burst = PluginChatLines.LINES_PER_PLUGIN.permits();
        for (int i = 0; i < burst; i++) {
            assertThat(lines.post(new PluginPost(BOT, VERSION, "Lobby", "line " + i))).isInstanceOf(PostOutcome.Posted.class);
        }
        assertThat(lines.post(new PluginPost(BOT, VERSION, "Lobby", "one too many")))
                .isInstanceOfSatisfying(PostOutcome.Refused.class, r -> assertThat(r.why()).startsWith("too many lines"));
        assertThat(lines.post(new PluginPost(new PluginName("other-bot"), VERSION, "Lobby", "mine")))
                .as("per plugin").isEqualTo(new PostOutcome.Posted(lobby.value()));
    }
}
