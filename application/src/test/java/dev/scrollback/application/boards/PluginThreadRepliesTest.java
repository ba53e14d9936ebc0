package dev.scrollback.application.boards;

import static dev.scrollback.application.boards.BoardsFixture.member;
import static dev.scrollback.application.boards.BoardsFixture.moderator;
import static dev.scrollback.application.boards.BoardsFixture.sysop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.hooks.PluginReply;
import dev.scrollback.application.hooks.PostOutcome;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.CountingRateLimiter;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.boards.BoardAccess;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.boards.MessageEvent.PluginReplyPosted;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.Subject;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.PluginName;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code post_message} in a thread: a plugin replies as itself where any member could, and every refusal is an answer. */
class PluginThreadRepliesTest {
    static final UUID VERSION = UUID.fromString("0195f0a0-0000-7000-8000-0000000000aa");
    static final PluginName BOT = new PluginName("auto-responder");

    final ControlledClock clock = new ControlledClock(BoardsFixture.T0);
    final CountingRateLimiter limiter = new CountingRateLimiter(clock);
    final BoardsFixture f = new BoardsFixture(clock, limiter);
    final PluginThreadReplies replies = new PluginThreadReplies(f.log, clock, limiter);

    @Test
    void a_plugin_replies_in_a_thread_as_itself_and_every_view_shows_it_as_the_plugins() {
        var board = f.board(sysop("Root"), "General", "Chatter", BoardAccess.members());
        var alice = member("Alice");
        var ping = f.start(alice, board, "Bots", "!ping");
        long before = f.log.readAfter(0, 1000).size();

        var outcome = replies.reply(new PluginReply(BOT, VERSION, ping.thread().value(), "pong"));

        var recorded = f.since(before);
        assertThat(recorded).hasSize(1);
        var replied = (PluginReplyPosted) recorded.getFirst().event();
        assertThat(outcome).isEqualTo(new PostOutcome.Replied(ping.thread().value(), replied.message().value()));
        assertThat(replied).isEqualTo(new PluginReplyPosted(replied.message(), ping.thread(), board, BOT,
                new Subject("Re: Bots"), new MessageBody("pong"), clock.instant()));
        assertThat(recorded.getFirst().metadata().actor()).isEqualTo(Actor.plugin(VERSION, "auto-responder"));
        assertThat(recorded.getFirst().metadata().origin().channel()).isEqualTo(Channel.PLUGIN);

        f.catchUp();
        var view = f.readThread.read(alice, ping.thread());
        assertThat(view.messages()).extracting(m -> m.author() + (m.plugin() ? " (plugin)" : "") + ": " + m.body().orElseThrow().value())
                .containsExactly("Alice: !ping", "auto-responder (plugin): pong");
        assertThat(view.messages().getLast().number()).isEqualTo(2);
        assertThat(f.listThreads.list(alice, board, 0, 10).threads().getFirst().messages()).isEqualTo(2);
        // the plugin's reply is new to Alice (it is not hers), and a moderator removes it like any other
        assertThat(f.boards.countAfter(board, 1, alice.account())).isEqualTo(1);
        f.moderateThread.delete(moderator("Mod"), ping.thread(), new MessageId(replied.message().value()), "noise",
                BoardsFixture.WEB);
        f.catchUp();
        assertThat(f.readThread.read(alice, ping.thread()).messages().getLast().deletedBecause()).contains("noise");
    }

    @Test
    void unknown_locked_and_closed_threads_and_replies_that_are_not_bodies_are_refused_and_nothing_is_recorded() {
        var open = f.board(sysop("Root"), "General", "Chatter", BoardAccess.members());
        var announcements = f.board(sysop("Root"), "General", "News",
                BoardsFixture.access(Set.of(Role.MEMBER), Set.of(Role.MODERATOR)));
        var staff = f.board(sysop("Root"), "Staff", "Backroom",
                BoardsFixture.access(Set.of(Role.MODERATOR), Set.of(Role.MODERATOR)));
        var mod = moderator("Mod");
        var news = f.start(mod, announcements, "Release", "Out now");
        var backroom = f.start(mod, staff, "Shh", "Between us");
        var locked = f.start(member("Alice"), open, "Old", "Stale");
        f.moderateThread.lock(mod, locked.thread(), "", BoardsFixture.WEB);
        var fine = f.start(member("Alice"), open, "Fine", "Here");
        long before = f.log.readAfter(0, 1000).size();

        assertThat(replies.reply(new PluginReply(BOT, VERSION, UUID.randomUUID(), "pong")))
                .isEqualTo(new PostOutcome.Refused("no such thread"));
        assertThat(replies.reply(new PluginReply(BOT, VERSION, news.thread().value(), "pong")))
                .as("members may read, not post").isEqualTo(new PostOutcome.Refused("no such thread"));
        assertThat(replies.reply(new PluginReply(BOT, VERSION, backroom.thread().value(), "pong")))
                .as("members may not even read").isEqualTo(new PostOutcome.Refused("no such thread"));
        assertThat(replies.reply(new PluginReply(BOT, VERSION, locked.thread().value(), "pong")))
                .isEqualTo(new PostOutcome.Refused("the thread is locked"));
        assertThat(replies.reply(new PluginReply(BOT, VERSION, fine.thread().value(), "")))
                .isInstanceOf(PostOutcome.Refused.class);
        assertThat(replies.reply(new PluginReply(BOT, VERSION, fine.thread().value(), "x".repeat(1_000_000))))
                .isInstanceOf(PostOutcome.Refused.class);
        assertThat(f.log.readAfter(0, 1000)).hasSize((int) before);
    }

    @Test
    void a_plugin_is_held_to_a_burst_of_replies() {
        var board = f.board(sysop("Root"), "General", "Chatter", BoardAccess.members());
        var thread = f.start(member("Alice"), board, "Bots", "!ping").thread().value();
        int burst = PluginThreadReplies.REPLIES_PER_PLUGIN.permits();
        for (int i = 0; i < burst; i++) {
            assertThat(replies.reply(new PluginReply(BOT, VERSION, thread, "pong " + i))).isInstanceOf(PostOutcome.Replied.class);
        }
        long before = f.log.readAfter(0, 1000).size();
        assertThat(replies.reply(new PluginReply(BOT, VERSION, thread, "one too many")))
                .isInstanceOfSatisfying(PostOutcome.Refused.class, r -> assertThat(r.why()).startsWith("too many replies"));
        assertThat(f.log.readAfter(0, 1000)).hasSize((int) before);
        assertThat(replies.reply(new PluginReply(new PluginName("other-bot"), VERSION, thread, "mine")))
                .as("per plugin").isInstanceOf(PostOutcome.Replied.class);
    }
}
