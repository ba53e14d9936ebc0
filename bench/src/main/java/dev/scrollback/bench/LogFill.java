package dev.scrollback.bench;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.AccountEvent.LoginSucceeded;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.boards.BoardAccess;
import dev.scrollback.domain.boards.BoardEvent.BoardCreated;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.BoardName;
import dev.scrollback.domain.boards.ConferenceName;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.boards.MessageEvent.MessagePosted;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.Subject;
import dev.scrollback.domain.boards.ThreadId;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatJoined;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatMessageSent;
import dev.scrollback.domain.chat.ChatRoomEvent.ChatRoomCreated;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.chat.ChatText;
import dev.scrollback.domain.chat.LineKind;
import dev.scrollback.domain.chat.RoomKind;
import dev.scrollback.domain.chat.RoomName;
import dev.scrollback.domain.mail.MailBody;
import dev.scrollback.domain.mail.MailSubject;
import dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageSent;
import dev.scrollback.domain.mail.PrivateMessageId;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.DomainEvent;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A realistic log for the benchmarks that need one (replay, the SSE catch-up): a few thousand accounts, boards and rooms,
 * then a mix of board messages, chat lines, logins with their sessions, and some mail, appended a hundred streams at a
 * time, every event a real domain event (so a server started on the store rebuilds its projections from it).
 */
final class LogFill {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA");
    private static final String[] WORDS = ("modem baud sysop door game ansi art upload download thread reply board chat "
            + "harbour lunch noon retro keyboard floppy disk night call node message quote signature").split(" ");

    private LogFill() {}

    /** The log: accounts, boards, rooms; then 45 % board messages, 35 % chat lines, 15 % logins (3 events), 5 % mail. */
    public static void fill(EventLog log, int total) {
        var random = new Random(7);
        int accountCount = 2_000, boardCount = 40, roomCount = 40;
        var accounts = new AccountId[accountCount];
        var handles = new Handle[accountCount];
        var batch = new ArrayList<StreamAppend>();
        var at = new Instant[] {T0};
        Runnable flush = () -> {
            if (batch.isEmpty()) return;
            log.append(List.copyOf(batch), metadata(at[0]));
            batch.clear();
        };
        int written = 0;
        for (int i = 0; i < accountCount; i++) {
            accounts[i] = new AccountId(UuidV7.next());
            handles[i] = new Handle("caller" + i);
            add(batch, "account", accounts[i].value(), new AccountRegistered(accounts[i], handles[i],
                    Optional.of(new EmailAddress("caller" + i + "@example.test")), HASH, at[0]));
            written++;
            if (batch.size() == 100) flush.run();
        }
        var boards = new BoardId[boardCount];
        for (int i = 0; i < boardCount; i++) {
            boards[i] = new BoardId(UuidV7.next());
            add(batch, "board", boards[i].value(), new BoardCreated(boards[i], new ConferenceName("General"),
                    new BoardName("Board " + i), "Board number " + i, new BoardAccess(Set.of(Role.MEMBER, Role.GUEST),
                    Set.of(Role.MEMBER)), at[0]));
            written++;
        }
        var rooms = new ChatRoomId[roomCount];
        var roomSession = new SessionId[roomCount];
        for (int i = 0; i < roomCount; i++) {
            rooms[i] = new ChatRoomId(UuidV7.next());
            add(batch, "chatroom", rooms[i].value(), new ChatRoomCreated(rooms[i], new RoomName("Room " + i), RoomKind.PUBLIC,
                    Optional.empty(), accounts[0], handles[0], at[0]));
            roomSession[i] = new SessionId(UuidV7.next());
            add(batch, "session", roomSession[i].value(), new SessionStarted(roomSession[i], accounts[i], handles[i],
                    Channel.WEB, Optional.of(new RemoteAddress("127.0.0.1")), Optional.empty(), at[0]));
            add(batch, "chatroom", rooms[i].value(), new ChatJoined(rooms[i], accounts[i], handles[i], roomSession[i], at[0]));
            written += 3;
        }
        flush.run();
        var threads = new ArrayList<ThreadId>();
        var threadBoard = new ArrayList<BoardId>();
        while (written < total) {
            at[0] = at[0].plusMillis(250);
            int who = random.nextInt(accountCount);
            int roll = random.nextInt(100);
            if (roll < 45) {
                boolean reply = !threads.isEmpty() && random.nextInt(4) > 0;
                ThreadId thread;
                BoardId board;
                if (reply) {
                    int t = random.nextInt(threads.size());
                    thread = threads.get(t);
                    board = threadBoard.get(t);
                } else {
                    thread = new ThreadId(UuidV7.next());
                    board = boards[random.nextInt(boardCount)];
                    threads.add(thread);
                    threadBoard.add(board);
                }
                add(batch, "thread", thread.value(), new MessagePosted(new MessageId(UuidV7.next()), thread, board,
                        accounts[who], handles[who], new Subject((reply ? "Re: " : "") + words(random, 4)),
                        new MessageBody(words(random, 40)), Optional.empty(), at[0]));
                written++;
            } else if (roll < 80) {
                int room = random.nextInt(roomCount);
                add(batch, "chatroom", rooms[room].value(), new ChatMessageSent(rooms[room], accounts[room], handles[room],
                        roomSession[room], LineKind.SAY, new ChatText(words(random, 8)), at[0]));
                written++;
            } else if (roll < 95) {
                var session = new SessionId(UuidV7.next());
                add(batch, "account", accounts[who].value(), new LoginSucceeded(accounts[who], handles[who], session, at[0]));
                add(batch, "session", session.value(), new SessionStarted(session, accounts[who], handles[who], Channel.TELNET,
                        Optional.of(new RemoteAddress("127.0.0.1")), Optional.empty(), at[0]));
                add(batch, "session", session.value(), new SessionEnded(session, EndReason.GOODBYE, Duration.ofMinutes(5),
                        at[0].plusSeconds(300)));
                written += 3;
            } else {
                int to = random.nextInt(accountCount);
                var mail = new PrivateMessageId(UuidV7.next());
                add(batch, "mail", mail.value(), new PrivateMessageSent(mail, accounts[who], handles[who], accounts[to],
                        handles[to], new MailSubject(words(random, 3)), new MailBody(words(random, 30)), Optional.empty(), at[0]));
                written++;
            }
            if (batch.size() >= 100) flush.run();
        }
        flush.run();
    }

    private static void add(List<StreamAppend> batch, String category, UUID id, DomainEvent event) {
        batch.add(new StreamAppend(StreamId.of(category, id), ExpectedVersion.any(), List.of(event)));
    }

    private static String words(Random random, int count) {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) text.append(' ');
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    private static EventMetadata metadata(Instant at) {
        return new EventMetadata(Actor.system(), Origin.system(), at, UuidV7.next(), Optional.empty());
    }
}
