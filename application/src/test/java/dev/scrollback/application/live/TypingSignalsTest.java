package dev.scrollback.application.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.chat.ChatFixture;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.domain.chat.RoomKind;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TypingSignalsTest {
    final ChatFixture chat = new ChatFixture();
    final List<Signal> heard = new CopyOnWriteArrayList<>();
    final SignalBus bus = new SignalBus() {
        @Override
        public void publish(Signal signal) {
            heard.add(signal);
        }

        @Override
        public EventLog.Subscription listen(Consumer<Signal> listener) {
            throw new UnsupportedOperationException("not listened to here");
        }
    };
    final TypingSignals typing = new TypingSignals(bus, chat.rooms, chat.log, chat.clock);

    @Test
    void a_member_typing_is_heard_and_a_stranger_is_told_they_are_not_in_the_room() {
        var alice = chat.member("Alice");
        var bob = chat.member("Bob");
        var room = chat.room(chat.sysop("Keeper"), "Lobby", RoomKind.PUBLIC);
        chat.join(alice, room);

        assertThat(typing.typing(alice, room)).isEqualTo(TypingSignals.Outcome.SENT);
        assertThat(typing.typing(bob, room)).isEqualTo(TypingSignals.Outcome.NOT_IN_ROOM);
        assertThat(heard).singleElement().isInstanceOfSatisfying(Signal.Typing.class,
                signal -> assertThat(signal.handle()).isEqualTo(alice.handle()));
    }

    @Test
    void typing_right_after_a_join_the_projection_has_not_seen_yet_is_heard() {
        var alice = chat.member("Alice");
        var room = chat.room(chat.sysop("Keeper"), "Lobby", RoomKind.PUBLIC);
        chat.joinChatRoom.join(alice, room, ChatFixture.WEB);             // appended; the projection is not fed

        assertThat(chat.rooms.roomsOf(alice.session())).doesNotContain(room);
        assertThat(typing.typing(alice, room)).isEqualTo(TypingSignals.Outcome.SENT);
    }

    @Test
    void leaving_counts_once_the_projection_has_seen_it() {
        var alice = chat.member("Alice");
        var room = chat.room(chat.sysop("Keeper"), "Lobby", RoomKind.PUBLIC);
        chat.join(alice, room);
        chat.leaveChatRoom.leave(alice, room, ChatFixture.WEB);           // the projection still has her in it

        assertThat(typing.typing(alice, room)).as("the projection's word until it catches up: a signal is harmless")
                .isEqualTo(TypingSignals.Outcome.SENT);
        chat.catchUp();
        chat.clock.advance(TypingSignals.EVERY);
        assertThat(typing.typing(alice, room)).isEqualTo(TypingSignals.Outcome.NOT_IN_ROOM);
    }
}
