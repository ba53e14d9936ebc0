package dev.scrollback.adapters.persistence.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.persistence.shared.StoreSettings;
import dev.scrollback.application.accounts.AccountLock;
import dev.scrollback.application.accounts.AccountStreams;
import dev.scrollback.application.boards.BoardStreams;
import dev.scrollback.application.history.AccountAsItWas;
import dev.scrollback.application.history.AsOf;
import dev.scrollback.application.history.BoardAsItWas;
import dev.scrollback.application.history.BoardThreads;
import dev.scrollback.application.history.HistoryPoint;
import dev.scrollback.application.history.ThreadAsItWas;
import dev.scrollback.application.history.TimeTravel;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.ControlledClock;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountEvent.AccountLocked;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerified;
import dev.scrollback.domain.accounts.AccountEvent.LockCause;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailed;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailure;
import dev.scrollback.domain.accounts.AccountEvent.RoleGranted;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountState;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.HandleEvent.HandleClaimed;
import dev.scrollback.domain.accounts.LockNote;
import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.boards.BoardAccess;
import dev.scrollback.domain.boards.BoardEvent.BoardCreated;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.BoardName;
import dev.scrollback.domain.boards.BoardRejected;
import dev.scrollback.domain.boards.ConferenceName;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.boards.MessageEvent.MessageDeleted;
import dev.scrollback.domain.boards.MessageEvent.MessageEdited;
import dev.scrollback.domain.boards.MessageEvent.MessagePosted;
import dev.scrollback.domain.boards.MessageEvent.ThreadLocked;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.Subject;
import dev.scrollback.domain.boards.ThreadId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.DomainEvent;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.InvalidValue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time travel on the real embedded store (H2 files on disk): given events appended at known times, when an account,
 * a board or a thread is asked for as of a time or a position, then it is what the live deciders had folded there.
 * It lives with the store because the application module cannot reach one; {@link TimeTravel} is public for the
 * command line, so nothing here needs the application's package.
 */
class TimeTravelTest {
    static final Instant T0 = Instant.parse("2031-05-01T12:00:00Z");
    static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA");

    @TempDir
    Path data;

    EventStore store;
    EventLog log;
    final BoardThreads boardThreads = new BoardThreads();
    final ControlledClock clock = new ControlledClock(T0.plus(Duration.ofDays(1)));
    TimeTravel travel;

    final AccountId amiga = new AccountId(UUID.randomUUID());
    final Handle amigaHandle = new Handle("Amiga");
    final AccountId moderator = new AccountId(UUID.randomUUID());

    @BeforeEach
    void open() {
        store = EventStore.open(new StoreSettings.Embedded(data));
        log = store.eventLog();
        travel = new TimeTravel(log, boardThreads, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    // ---- accounts ----

    /** Registered at T0, verified at +1 min, auditor granted at +2 min, locked by a sysop at +3 min. */
    private List<RecordedEvent> amigaHistory() {
        var registered = append(AccountStreams.handle(amigaHandle), T0, new HandleClaimed(amigaHandle, amiga, T0));
        var all = new java.util.ArrayList<>(registered);
        all.addAll(append(AccountStreams.account(amiga), T0,
                new AccountRegistered(amiga, amigaHandle, Optional.of(new EmailAddress("amiga@example.test")), HASH, T0)));
        all.addAll(append(AccountStreams.account(amiga), T0.plusSeconds(60), new EmailVerified(amiga, T0.plusSeconds(60))));
        all.addAll(append(AccountStreams.account(amiga), T0.plusSeconds(120), new RoleGranted(amiga, Role.AUDITOR, T0.plusSeconds(120))));
        all.addAll(append(AccountStreams.account(amiga), T0.plusSeconds(180), new AccountLocked(amiga, LockCause.SYSOP,
                Optional.empty(), Optional.of(new LockNote("call the sysop")), T0.plusSeconds(180))));
        return all;
    }

    @Test
    void an_account_between_a_role_grant_and_a_lock_has_the_role_and_no_lock_by_time_and_by_position() {
        var events = amigaHistory();
        var granted = events.get(3);
        var locked = events.get(4);

        var byTime = existed(travel.account(amiga.toString(), new HistoryPoint.AtTime(T0.plusSeconds(150))));
        assertThat(byTime.roles()).containsExactly(Role.AUDITOR);
        assertThat(byTime.effectiveRoles()).containsExactlyInAnyOrder(Role.AUDITOR, Role.MEMBER);
        assertThat(byTime.emailVerified()).isTrue();
        assertThat(byTime.lock()).isEmpty();

        var byPosition = travel.account("amiga", new HistoryPoint.AtPosition(granted.position()));
        assertThat(existed(byPosition)).isEqualTo(byTime);
        assertThat(byPosition.reckoning().lastFolded()).hasValueSatisfying(mark -> {
            assertThat(mark.position()).isEqualTo(granted.position());
            assertThat(mark.type()).isEqualTo("RoleGranted");
            assertThat(mark.at()).isEqualTo(T0.plusSeconds(120));
        });
        assertThat(byPosition.reckoning().moment()).contains(T0.plusSeconds(120));
        assertThat(byPosition.reckoning().head()).isEqualTo(locked.position());

        var afterLock = existed(travel.account("AMIGA", new HistoryPoint.AtPosition(locked.position())));
        assertThat(afterLock.lock()).hasValueSatisfying(lock -> {
            assertThat(lock.cause()).isEqualTo(LockCause.SYSOP);
            assertThat(lock.until()).isEmpty();
            assertThat(lock.note()).contains(new LockNote("call the sysop"));
        });
        assertThat(afterLock.sessionsRevokedAt()).contains(T0.plusSeconds(180));
    }

    @Test
    void an_erased_account_shows_how_it_stood_with_its_personal_values_erased_at_every_point() {
        var events = amigaHistory();
        var granted = events.get(3);
        var erased = append(AccountStreams.account(amiga), T0.plusSeconds(240),
                new dev.scrollback.domain.accounts.AccountEvent.AccountErased(amiga, T0.plusSeconds(240))).getFirst();

        var now = existed(travel.account("amiga", new HistoryPoint.AtPosition(erased.position())));
        assertThat(now.erasedAt()).contains(T0.plusSeconds(240));
        assertThat(now.handle()).isEqualTo(amigaHandle);
        assertThat(now.roles()).containsExactly(Role.AUDITOR);
        assertThat(now.email()).contains(EmailAddress.ERASED);          // the key is gone: no point in time brings it back

        var before = existed(travel.account("amiga", new HistoryPoint.AtPosition(granted.position())));
        assertThat(before.erasedAt()).isEmpty();
        assertThat(before.email()).contains(EmailAddress.ERASED);
    }

    @Test
    void an_event_exactly_at_the_point_is_included_and_one_a_nanosecond_later_is_not() {
        var events = amigaHistory();
        var verified = events.get(2);

        assertThat(existed(travel.account("amiga", new HistoryPoint.AtTime(T0.plusSeconds(60)))).emailVerified()).isTrue();
        assertThat(existed(travel.account("amiga", new HistoryPoint.AtTime(T0.plusSeconds(60).minusNanos(1)))).emailVerified())
                .isFalse();
        assertThat(existed(travel.account("amiga", new HistoryPoint.AtPosition(verified.position()))).emailVerified()).isTrue();
        assertThat(existed(travel.account("amiga", new HistoryPoint.AtPosition(verified.position() - 1))).emailVerified())
                .isFalse();
    }

    @Test
    void before_its_first_event_an_account_did_not_exist_yet_and_the_answer_says_where_it_begins() {
        var events = amigaHistory();
        var registered = events.get(1);

        var before = travel.account("amiga", new HistoryPoint.AtTime(T0.minusNanos(1)));
        assertThat(before).isInstanceOfSatisfying(AsOf.NotYet.class, notYet -> {
            assertThat(notYet.firstEvent().position()).isEqualTo(registered.position());
            assertThat(notYet.firstEvent().type()).isEqualTo("AccountRegistered");
            assertThat(notYet.reckoning().lastFolded()).isEmpty();
        });
        assertThat(travel.account("amiga", new HistoryPoint.AtPosition(0))).isInstanceOf(AsOf.NotYet.class);
        assertThat(travel.account(amiga.toString(), new HistoryPoint.AtPosition(registered.position() - 1)))
                .isInstanceOf(AsOf.NotYet.class);
    }

    @Test
    void as_of_the_head_an_account_is_what_the_decider_folds_from_its_whole_stream() {
        amigaHistory();
        var whole = new AccountDecider().replay(log.read(AccountStreams.account(amiga)).eventsOf(AccountEvent.class));
        var now = clock.instant();

        var asOfNow = existed(travel.account("amiga", new HistoryPoint.AtTime(now)));
        var asOfHead = existed(travel.account("amiga", new HistoryPoint.AtPosition(log.lastPosition())));

        var live = (AccountState.Registered) whole;
        for (var view : List.of(asOfNow, asOfHead)) {
            assertThat(view.account()).isEqualTo(live.account());
            assertThat(view.handle()).isEqualTo(live.handle());
            assertThat(view.email()).isEqualTo(live.email());
            assertThat(view.emailVerified()).isEqualTo(live.emailVerified());
            assertThat(view.roles()).isEqualTo(live.roles());
            assertThat(view.effectiveRoles()).isEqualTo(live.effectiveRoles());
            assertThat(view.lock()).isEqualTo(AccountLock.of(live, now));
            assertThat(view.sessionsRevokedAt()).isEqualTo(live.revocation().map(AccountState.SessionRevocation::at));
        }
    }

    @Test
    void a_lock_from_failed_logins_is_in_force_as_of_a_moment_inside_it_and_not_after_it_ends() {
        amigaHistory();
        var stream = AccountStreams.account(amiga);
        var at = T0.plusSeconds(600);
        // the unlock of the sysop's lock, then ten failures: the tenth locks for 15 minutes
        append(stream, at, new AccountEvent.AccountUnlocked(amiga, AccountEvent.UnlockReason.SYSOP, at));
        for (int i = 0; i < 9; i++) append(stream, at, new LoginFailed(amiga, amigaHandle, LoginFailure.WRONG_PASSWORD, at));
        append(stream, at, new LoginFailed(amiga, amigaHandle, LoginFailure.WRONG_PASSWORD, at),
                AccountLocked.afterFailedLogins(amiga, at.plus(Duration.ofMinutes(15)), at));
        var later = append(StreamId.of("other", UUID.randomUUID()), at.plus(Duration.ofMinutes(20)), new EmailVerified(moderator, at));

        var inside = existed(travel.account("amiga", new HistoryPoint.AtTime(at.plusSeconds(60))));
        assertThat(inside.lock()).hasValueSatisfying(lock -> assertThat(lock.cause()).isEqualTo(LockCause.FAILED_LOGINS));
        assertThat(existed(travel.account("amiga", new HistoryPoint.AtTime(at.plus(Duration.ofMinutes(16))))).lock()).isEmpty();
        // as of a position, the lock is judged at the time of the event there: twenty minutes on, it had ended
        var byPosition = travel.account("amiga", new HistoryPoint.AtPosition(later.getFirst().position()));
        assertThat(existed(byPosition).lock()).isEmpty();
        assertThat(byPosition.reckoning().moment()).contains(at.plus(Duration.ofMinutes(20)));
    }

    @Test
    void an_unknown_account_a_future_time_and_a_position_beyond_the_head_are_refused() {
        amigaHistory();
        assertThatThrownBy(() -> travel.account("nobody", new HistoryPoint.AtPosition(1)))
                .isInstanceOfSatisfying(AccountRejected.class, e -> assertThat(e.reason()).isInstanceOf(AccountRejected.UnknownAccount.class));
        assertThatThrownBy(() -> travel.account(UUID.randomUUID().toString(), new HistoryPoint.AtPosition(1)))
                .isInstanceOf(AccountRejected.class);
        assertThatThrownBy(() -> travel.account("!!", new HistoryPoint.AtPosition(1)))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("account"));
        assertThatThrownBy(() -> travel.account("amiga", new HistoryPoint.AtTime(clock.instant().plusSeconds(1))))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("at"));
        assertThatThrownBy(() -> travel.account("amiga", new HistoryPoint.AtPosition(log.lastPosition() + 1)))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("position"));
    }

    // ---- threads ----

    final BoardId board = new BoardId(UUID.randomUUID());
    final ThreadId thread = new ThreadId(UUID.randomUUID());
    final MessageId first = new MessageId(UUID.randomUUID());
    final MessageId reply = new MessageId(UUID.randomUUID());

    private void createBoard(Instant at) {
        append(BoardStreams.board(board), at, new BoardCreated(board, new ConferenceName("Main"), new BoardName("General"),
                "anything goes", BoardAccess.members(), at));
    }

    /** Posted at +1 min, replied at +2, the reply edited at +3, the first deleted at +4, the thread locked at +5. */
    private void threadHistory() {
        createBoard(T0);
        var stream = BoardStreams.thread(thread);
        append(stream, T0.plusSeconds(60), new MessagePosted(first, thread, board, amiga, amigaHandle, new Subject("Hello"),
                new MessageBody("first words"), Optional.empty(), T0.plusSeconds(60)));
        append(stream, T0.plusSeconds(120), new MessagePosted(reply, thread, board, amiga, amigaHandle,
                new Subject("Re: Hello"), new MessageBody("a reply"), Optional.of(first), T0.plusSeconds(120)));
        append(stream, T0.plusSeconds(180), new MessageEdited(reply, thread, board, new MessageBody("a better reply"),
                T0.plusSeconds(180)));
        appendAs(moderatorActor(), stream, T0.plusSeconds(240), new MessageDeleted(first, thread, board, "off topic",
                T0.plusSeconds(240)));
        appendAs(moderatorActor(), stream, T0.plusSeconds(300), new ThreadLocked(thread, board, "settled", T0.plusSeconds(300)));
    }

    private Actor moderatorActor() {
        return Actor.user(moderator, new Handle("Modest"));
    }

    @Test
    void a_thread_before_an_edit_and_a_deletion_reads_as_it_was_posted() {
        threadHistory();
        var then = existedThread(travel.thread(thread, new HistoryPoint.AtTime(T0.plusSeconds(150))));

        assertThat(then.boardName()).isEqualTo(new BoardName("General"));
        assertThat(then.lock()).isEmpty();
        assertThat(then.messages()).extracting(m -> m.body().map(MessageBody::value).orElse("(deleted)"))
                .containsExactly("first words", "a reply");
        assertThat(then.messages()).allSatisfy(m -> {
            assertThat(m.edits()).isZero();
            assertThat(m.deletion()).isEmpty();
        });
        assertThat(then.messages().get(1).inReplyTo()).contains(first);
    }

    @Test
    void a_thread_after_the_edit_shows_it_and_after_the_deletion_keeps_the_message_without_its_body() {
        threadHistory();
        var edited = existedThread(travel.thread(thread, new HistoryPoint.AtTime(T0.plusSeconds(180))));
        assertThat(edited.messages().get(1).body()).contains(new MessageBody("a better reply"));
        assertThat(edited.messages().get(1).edits()).isEqualTo(1);
        assertThat(edited.messages().get(1).editedAt()).contains(T0.plusSeconds(180));
        assertThat(edited.messages().get(0).body()).contains(new MessageBody("first words"));

        var deleted = existedThread(travel.thread(thread, new HistoryPoint.AtTime(T0.plusSeconds(270))));
        var gone = deleted.messages().get(0);
        assertThat(gone.body()).isEmpty();
        assertThat(gone.deletion()).hasValueSatisfying(d -> {
            assertThat(d.reason()).isEqualTo("off topic");
            assertThat(d.at()).isEqualTo(T0.plusSeconds(240));
            assertThat(d.by()).isEqualTo(moderatorActor());
        });
        assertThat(deleted.lock()).isEmpty();

        var now = existedThread(travel.thread(thread, new HistoryPoint.AtPosition(log.lastPosition())));
        assertThat(now.lock()).hasValueSatisfying(l -> assertThat(l.reason()).isEqualTo("settled"));
        assertThat(travel.thread(thread, new HistoryPoint.AtTime(T0.plusSeconds(59)))).isInstanceOf(AsOf.NotYet.class);
        assertThatThrownBy(() -> travel.thread(new ThreadId(UUID.randomUUID()), new HistoryPoint.AtPosition(1)))
                .isInstanceOf(BoardRejected.class);
    }

    // ---- boards ----

    @Test
    void a_board_holds_the_threads_begun_by_the_point_as_they_were_then() {
        threadHistory();                                                    // thread 1: T0 +1 .. +5 min
        var second = new ThreadId(UUID.randomUUID());
        append(BoardStreams.thread(second), T0.plusSeconds(600), new MessagePosted(new MessageId(UUID.randomUUID()), second,
                board, moderator, new Handle("Modest"), new Subject("Later"), new MessageBody("news"), Optional.empty(),
                T0.plusSeconds(600)));
        feedAll();

        var before = travel.board(board, new HistoryPoint.AtTime(T0.plusSeconds(30)), 0, 100);
        assertThat(existedBoard(before).threads()).isEmpty();
        assertThat(existedBoard(before).name()).isEqualTo(new BoardName("General"));

        var middle = existedBoard(travel.board(board, new HistoryPoint.AtTime(T0.plusSeconds(150)), 0, 100));
        assertThat(middle.threadCount()).isEqualTo(1);
        assertThat(middle.threads()).singleElement().satisfies(t -> {
            assertThat(t.subject()).isEqualTo(new Subject("Hello"));
            assertThat(t.messages()).isEqualTo(2);
            assertThat(t.deleted()).isZero();
            assertThat(t.locked()).isFalse();
            assertThat(t.startedBy()).isEqualTo(amigaHandle);
            assertThat(t.lastPostAt()).isEqualTo(T0.plusSeconds(120));
        });

        var now = existedBoard(travel.board(board, new HistoryPoint.AtPosition(log.lastPosition()), 0, 100));
        assertThat(now.threads()).extracting(t -> t.subject().value()).containsExactly("Hello", "Later");
        assertThat(now.threads().getFirst().locked()).isTrue();
        assertThat(now.threads().getFirst().deleted()).isEqualTo(1);

        var secondPage = existedBoard(travel.board(board, new HistoryPoint.AtPosition(log.lastPosition()), 1, 1));
        assertThat(secondPage.threadCount()).isEqualTo(2);
        assertThat(secondPage.threads()).extracting(t -> t.subject().value()).containsExactly("Later");
    }

    @Test
    void a_thread_the_projection_has_not_read_yet_is_found_in_the_log_itself() {
        threadHistory();
        feedAll();                                              // the projection has read this far, and no further
        var late = new ThreadId(UUID.randomUUID());
        append(StreamId.of("other", UUID.randomUUID()), T0.plusSeconds(500), new EmailVerified(moderator, T0));
        append(BoardStreams.thread(late), T0.plusSeconds(600), new MessagePosted(new MessageId(UUID.randomUUID()), late,
                board, moderator, new Handle("Modest"), new Subject("Just now"), new MessageBody("fresh"), Optional.empty(),
                T0.plusSeconds(600)));

        var now = existedBoard(travel.board(board, new HistoryPoint.AtTime(clock.instant()), 0, 100));
        assertThat(now.threads()).extracting(t -> t.subject().value()).containsExactly("Hello", "Just now");
        var before = existedBoard(travel.board(board, new HistoryPoint.AtPosition(log.lastPosition() - 1), 0, 100));
        assertThat(before.threads()).extracting(t -> t.subject().value()).containsExactly("Hello");
    }

    @Test
    void a_board_before_it_was_created_did_not_exist_yet_and_an_unknown_one_is_no_such_board() {
        createBoard(T0.plusSeconds(60));
        feedAll();
        assertThat(travel.board(board, new HistoryPoint.AtTime(T0), 0, 10)).isInstanceOf(AsOf.NotYet.class);
        assertThatThrownBy(() -> travel.board(new BoardId(UUID.randomUUID()), new HistoryPoint.AtTime(T0), 0, 10))
                .isInstanceOf(BoardRejected.class);
        assertThatThrownBy(() -> travel.board(board, new HistoryPoint.AtTime(T0), 0, TimeTravel.MAX_THREADS + 1))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("limit"));
    }

    // ---- helpers ----

    private void feedAll() {
        for (var recorded : log.readAfter(0, 10_000)) boardThreads.apply(recorded);
    }

    private List<RecordedEvent> append(StreamId stream, Instant at, DomainEvent... events) {
        return appendAs(Actor.system(), stream, at, events);
    }

    private List<RecordedEvent> appendAs(Actor actor, StreamId stream, Instant at, DomainEvent... events) {
        long version = log.read(stream).version();
        return log.append(new StreamAppend(stream, ExpectedVersion.after(version), List.of(events)),
                EventMetadata.of(actor, Origin.system(), at));
    }

    private static AccountAsItWas existed(AsOf<AccountAsItWas> answer) {
        assertThat(answer).isInstanceOf(AsOf.Existed.class);
        return ((AsOf.Existed<AccountAsItWas>) answer).state();
    }

    private static ThreadAsItWas existedThread(AsOf<ThreadAsItWas> answer) {
        assertThat(answer).isInstanceOf(AsOf.Existed.class);
        return ((AsOf.Existed<ThreadAsItWas>) answer).state();
    }

    private static BoardAsItWas existedBoard(AsOf<BoardAsItWas> answer) {
        assertThat(answer).isInstanceOf(AsOf.Existed.class);
        return ((AsOf.Existed<BoardAsItWas>) answer).state();
    }
}
