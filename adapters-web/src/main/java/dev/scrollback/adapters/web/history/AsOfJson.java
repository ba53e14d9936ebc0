package dev.scrollback.adapters.web.history;

import dev.scrollback.adapters.web.shared.Json;
import dev.scrollback.application.accounts.AccountLock;
import dev.scrollback.application.history.AccountAsItWas;
import dev.scrollback.application.history.AsOf;
import dev.scrollback.application.history.BoardAsItWas;
import dev.scrollback.application.history.EventMark;
import dev.scrollback.application.history.HistoryPoint;
import dev.scrollback.application.history.Reckoning;
import dev.scrollback.application.history.ThreadAsItWas;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.LockNote;
import dev.scrollback.domain.accounts.LoginHistory;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.boards.MessageId;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Time-travel answers on the wire, the same over REST and from the {@code history} command line. Every answer names
 * where it was computed: {@code asOf} (the position asked and the time it stands for, or the time asked),
 * {@code head} (the log's last position when asked), {@code lastEvent} (the last event folded into it); then
 * {@code existed}, and either the state ({@code account}, {@code board} or {@code thread}) or, when it did not exist
 * yet, {@code firstEvent}: where its stream begins.
 */
public final class AsOfJson {
    private AsOfJson() {}

    /** Writes the answer as one indented JSON document and a line break. */
    public static void write(OutputStream out, Object answer) throws IOException {
        out.write(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(answer));
        out.write('\n');
        out.flush();
    }

    public static AccountAnswer account(AsOf<AccountAsItWas> answer) {
        var r = answer.reckoning();
        return switch (answer) {
            case AsOf.Existed<AccountAsItWas> e -> new AccountAnswer(Point.of(r), r.head(), lastEvent(r), true,
                    Optional.empty(), Optional.of(Account.of(e.state())));
            case AsOf.NotYet<AccountAsItWas> n -> new AccountAnswer(Point.of(r), r.head(), lastEvent(r), false,
                    Optional.of(Mark.of(n.firstEvent())), Optional.empty());
        };
    }

    public static BoardAnswer board(AsOf<BoardAsItWas> answer) {
        var r = answer.reckoning();
        return switch (answer) {
            case AsOf.Existed<BoardAsItWas> e -> new BoardAnswer(Point.of(r), r.head(), lastEvent(r), true,
                    Optional.empty(), Optional.of(Board.of(e.state())));
            case AsOf.NotYet<BoardAsItWas> n -> new BoardAnswer(Point.of(r), r.head(), lastEvent(r), false,
                    Optional.of(Mark.of(n.firstEvent())), Optional.empty());
        };
    }

    public static ThreadAnswer thread(AsOf<ThreadAsItWas> answer) {
        var r = answer.reckoning();
        return switch (answer) {
            case AsOf.Existed<ThreadAsItWas> e -> new ThreadAnswer(Point.of(r), r.head(), lastEvent(r), true,
                    Optional.empty(), Optional.of(Thread.of(e.state())));
            case AsOf.NotYet<ThreadAsItWas> n -> new ThreadAnswer(Point.of(r), r.head(), lastEvent(r), false,
                    Optional.of(Mark.of(n.firstEvent())), Optional.empty());
        };
    }

    private static Optional<Mark> lastEvent(Reckoning r) {
        return r.lastFolded().map(Mark::of);
    }

    public record AccountAnswer(Point asOf, long head, Optional<Mark> lastEvent, boolean existed, Optional<Mark> firstEvent,
                                Optional<Account> account) {}

    public record BoardAnswer(Point asOf, long head, Optional<Mark> lastEvent, boolean existed, Optional<Mark> firstEvent,
                              Optional<Board> board) {}

    public record ThreadAnswer(Point asOf, long head, Optional<Mark> lastEvent, boolean existed, Optional<Mark> firstEvent,
                               Optional<Thread> thread) {}

    /** {@code position}: the position asked (absent when a time was); {@code at}: the time the answer stands for. */
    public record Point(Optional<Long> position, Optional<Instant> at) {
        static Point of(Reckoning r) {
            return switch (r.asked()) {
                case HistoryPoint.AtPosition p -> new Point(Optional.of(p.position()), r.moment());
                case HistoryPoint.AtTime t -> new Point(Optional.empty(), Optional.of(t.at()));
            };
        }
    }

    public record Mark(long position, Instant at, String type) {
        static Mark of(EventMark mark) {
            return new Mark(mark.position(), mark.at(), mark.type());
        }
    }

    /** No secret of the account appears here: not its password hash, TOTP key, recovery or reset codes. */
    public record Account(String id, String handle, Instant registeredAt, Optional<String> email, boolean emailVerified,
                          Optional<Instant> verificationCodeExpiresAt, List<String> roles, List<String> effectiveRoles,
                          boolean locked, Optional<Lock> lock, int consecutiveFailedLogins, Optional<Instant> lastFailedLoginAt,
                          Optional<Login> latestLogin, Optional<Login> previousLogin, int failedLoginsSinceLatest,
                          boolean totpEnrolled, int recoveryCodesLeft, boolean passwordResetRequired,
                          Optional<Instant> resetCodeExpiresAt, Optional<Instant> sessionsRevokedAt, Optional<Instant> erasedAt) {
        static Account of(AccountAsItWas a) {
            return new Account(a.account().toString(), a.handle().value(), a.registeredAt(), a.email().map(EmailAddress::value),
                    a.emailVerified(), a.verificationCodeExpiresAt(), wireNames(a.roles()), wireNames(a.effectiveRoles()),
                    a.lock().isPresent(), a.lock().map(Lock::of), a.consecutiveFailedLogins(), a.lastFailedLoginAt(),
                    a.latestLogin().map(Login::of), a.previousLogin().map(Login::of), a.failedLoginsSinceLatest(),
                    a.totpEnrolled(), a.recoveryCodesLeft(), a.passwordResetRequired(), a.resetCodeExpiresAt(),
                    a.sessionsRevokedAt(), a.erasedAt());
        }
    }

    /** The lock in force at the moment the answer stands for: {@code cause} sysop or failed-logins; no {@code until}: until a sysop unlocks it. */
    public record Lock(String cause, Optional<Instant> until, Optional<String> note) {
        static Lock of(AccountLock lock) {
            return new Lock(lock.cause().name().toLowerCase(Locale.ROOT).replace('_', '-'), lock.until(),
                    lock.note().map(LockNote::value));
        }
    }

    public record Login(Instant at, String sessionId) {
        static Login of(LoginHistory.Login login) {
            return new Login(login.at(), login.session().toString());
        }
    }

    public record Board(String id, String conference, String name, String description, List<String> readers,
                        List<String> posters, Instant createdAt, int threadCount, int offset, List<ThreadSummary> threads) {
        static Board of(BoardAsItWas b) {
            return new Board(b.board().toString(), b.conference().value(), b.name().value(), b.description(),
                    wireNames(b.access().readers()), wireNames(b.access().posters()), b.createdAt(), b.threadCount(), b.offset(),
                    b.threads().stream().map(ThreadSummary::of).toList());
        }
    }

    public record ThreadSummary(String id, String subject, String startedBy, Instant startedAt, Instant lastPostAt,
                                int messages, int deleted, boolean locked) {
        static ThreadSummary of(BoardAsItWas.ThreadSummary t) {
            return new ThreadSummary(t.thread().toString(), t.subject().value(), t.startedBy().value(), t.startedAt(),
                    t.lastPostAt(), t.messages(), t.deleted(), t.locked());
        }
    }

    public record Thread(String id, BoardRef board, String subject, boolean locked, Optional<Moderation> lock,
                         List<Message> messages) {
        static Thread of(ThreadAsItWas t) {
            return new Thread(t.thread().toString(), new BoardRef(t.board().toString(), t.boardName().value()),
                    t.subject().value(), t.lock().isPresent(), t.lock().map(Moderation::of),
                    t.messages().stream().map(Message::of).toList());
        }
    }

    public record BoardRef(String id, String name) {}

    /** A deleted message has no {@code body}; {@code deletion} says when, why and by whom. */
    public record Message(String id, String author, boolean plugin, String subject, Optional<String> body, Instant postedAt,
                          int edits, Optional<Instant> editedAt, Optional<Moderation> deletion, Optional<String> inReplyTo) {
        static Message of(ThreadAsItWas.Message m) {
            return new Message(m.message().toString(), m.author(), m.plugin(), m.subject().value(),
                    m.body().map(MessageBody::value), m.postedAt(), m.edits(), m.editedAt(), m.deletion().map(Moderation::of),
                    m.inReplyTo().map(MessageId::toString));
        }
    }

    public record Moderation(Instant at, String reason, ActorView by) {
        static Moderation of(ThreadAsItWas.Moderation m) {
            return new Moderation(m.at(), m.reason(), ActorView.of(m.by()));
        }
    }

    public record ActorView(String kind, Optional<String> id, Optional<String> handle) {
        static ActorView of(Actor actor) {
            return new ActorView(actor.kind().wireName(), actor.id(), actor.handle());
        }
    }

    private static List<String> wireNames(Collection<Role> roles) {
        return roles.stream().sorted().map(Role::wireName).toList();
    }
}
