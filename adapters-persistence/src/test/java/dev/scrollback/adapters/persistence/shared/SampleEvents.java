package dev.scrollback.adapters.persistence.shared;

import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerificationIssued;
import dev.scrollback.domain.accounts.AccountEvent.EmailVerified;
import dev.scrollback.domain.accounts.AccountEvent.LoggedOut;
import dev.scrollback.domain.accounts.AccountEvent.LoginFailed;
import dev.scrollback.domain.accounts.AccountEvent.LoginSucceeded;
import dev.scrollback.domain.accounts.AccountEvent.RoleGranted;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.HandleEvent.HandleClaimed;
import dev.scrollback.domain.accounts.HandleEvent;
import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.accounts.RecoveryCodeHashes;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.accounts.TotpSecret;
import dev.scrollback.domain.boards.BoardAccess;
import dev.scrollback.domain.boards.BoardEvent;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.BoardName;
import dev.scrollback.domain.boards.ConferenceName;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.boards.MessageEvent;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.ReadMarkEvent;
import dev.scrollback.domain.boards.Subject;
import dev.scrollback.domain.boards.ThreadId;
import dev.scrollback.domain.chat.ChatRoomEvent;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.chat.ChatText;
import dev.scrollback.domain.chat.ChatTopic;
import dev.scrollback.domain.chat.LineKind;
import dev.scrollback.domain.chat.PageEvent;
import dev.scrollback.domain.chat.PageId;
import dev.scrollback.domain.chat.PageText;
import dev.scrollback.domain.chat.RoomKind;
import dev.scrollback.domain.chat.RoomName;
import dev.scrollback.domain.plugins.CronSchedule;
import dev.scrollback.domain.plugins.Engine;
import dev.scrollback.domain.plugins.EntryPoint;
import dev.scrollback.domain.plugins.EventTypeName;
import dev.scrollback.domain.plugins.FaultKind;
import dev.scrollback.domain.plugins.Hook;
import dev.scrollback.domain.plugins.HostName;
import dev.scrollback.domain.plugins.LicenseId;
import dev.scrollback.domain.plugins.PackageSha256;
import dev.scrollback.domain.plugins.Permission;
import dev.scrollback.domain.plugins.PluginAuthor;
import dev.scrollback.domain.plugins.PluginDescription;
import dev.scrollback.domain.plugins.PluginEvent;
import dev.scrollback.domain.plugins.PluginId;
import dev.scrollback.domain.plugins.PluginLimits;
import dev.scrollback.domain.plugins.PluginTriggers;
import dev.scrollback.domain.plugins.PluginVersion;
import dev.scrollback.domain.plugins.PublisherKeyId;
import dev.scrollback.domain.plugins.VersionRange;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionEvent.SessionEnded;
import dev.scrollback.domain.sessions.SessionEvent.SessionStarted;
import dev.scrollback.domain.sessions.SessionEvent;
import dev.scrollback.domain.sessions.Terminal;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.DomainEvent;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.PluginName;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import dev.scrollback.domain.webhooks.WebhookDescription;
import dev.scrollback.domain.webhooks.WebhookEvent;
import dev.scrollback.domain.webhooks.WebhookFilter;
import dev.scrollback.domain.webhooks.WebhookId;

/** One event of every type, with every field set (and some with empty optionals), plus envelopes for them. */
final class SampleEvents {
    static final AccountId ACCOUNT = new AccountId(UUID.fromString("0190f5a2-7c3e-7a11-8f00-0123456789ab"));
    static final dev.scrollback.domain.accounts.ApiKeyId API_KEY =
            new dev.scrollback.domain.accounts.ApiKeyId(UUID.fromString("0190f5a2-7c3e-7a11-8f00-00000000a9e1"));
    static final SessionId SESSION = new SessionId(UUID.fromString("0190f5a2-7c3e-7a11-8f00-ba9876543210"));
    static final Handle ALICE = new Handle("Alice");
    static final Instant T0 = Instant.parse("2025-03-01T20:00:00.123456789Z");
    static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA");
    static final PasswordHash CODE_HASH = new PasswordHash("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$Y29kZQ");

    private SampleEvents() {}

    static List<DomainEvent> all() {
        return List.of(
                new AccountRegistered(ACCOUNT, ALICE, Optional.of(new EmailAddress("Alice@Example.org")), HASH, T0),
                new AccountRegistered(ACCOUNT, ALICE, Optional.empty(), HASH, T0),
                new EmailVerificationIssued(ACCOUNT, CODE_HASH, T0.plus(Duration.ofMinutes(15)), T0),
                new EmailVerified(ACCOUNT, T0.plusSeconds(30)),
                new LoginSucceeded(ACCOUNT, ALICE, SESSION, T0.plusSeconds(60)),
                new LoginFailed(ACCOUNT, ALICE, AccountEvent.LoginFailure.WRONG_PASSWORD, T0.plusSeconds(61)),
                new LoginFailed(ACCOUNT, ALICE, AccountEvent.LoginFailure.EMAIL_NOT_VERIFIED, T0.plusSeconds(62)),
                new LoggedOut(ACCOUNT, SESSION, T0.plusSeconds(90)),
                new RoleGranted(ACCOUNT, Role.SYSOP, T0.plusSeconds(91)),
                new AccountEvent.RoleRevoked(ACCOUNT, Role.MODERATOR, T0.plusSeconds(92)),
                AccountEvent.AccountLocked.afterFailedLogins(ACCOUNT, T0.plusSeconds(900), T0),
                new AccountEvent.AccountLocked(ACCOUNT, AccountEvent.LockCause.SYSOP, Optional.empty(),
                        Optional.of(new dev.scrollback.domain.accounts.LockNote("Cooling off")), T0),
                new AccountEvent.PasswordResetRequested(ACCOUNT, new PasswordHash("$sha256$c2FtcGxl"), T0.plusSeconds(1800),
                        AccountEvent.ResetCause.SYSOP, T0),
                new AccountEvent.PasswordResetCompleted(ACCOUNT, HASH, T0),
                new AccountEvent.UnlockCodeIssued(ACCOUNT, CODE_HASH, T0.plusSeconds(900), T0),
                new AccountEvent.AccountUnlocked(ACCOUNT, AccountEvent.UnlockReason.SYSOP, T0),
                new AccountEvent.TotpEnrolled(ACCOUNT, new TotpSecret("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"),
                        new RecoveryCodeHashes(List.of(CODE_HASH, HASH)), T0),
                new AccountEvent.TotpCodeAccepted(ACCOUNT, 58_066_666L, T0),
                new AccountEvent.RecoveryCodeUsed(ACCOUNT, 1, 9, T0),
                new AccountEvent.TotpDisabled(ACCOUNT, T0),
                new AccountEvent.PasswordChanged(ACCOUNT, CODE_HASH, Optional.of(SESSION), T0),
                new LoginFailed(ACCOUNT, ALICE, AccountEvent.LoginFailure.WRONG_TOTP, T0.plusSeconds(63)),
                new HandleClaimed(ALICE, ACCOUNT, T0),
                new dev.scrollback.domain.accounts.UnknownHandleEvent.UnknownHandleLoginFailed(new Handle("Mallory"), true, T0),
                new dev.scrollback.domain.accounts.ApiKeyEvent.ApiKeyIssued(API_KEY, ACCOUNT,
                        new dev.scrollback.domain.accounts.ApiKeyName("ci deploy"),
                        java.util.Set.of(dev.scrollback.domain.accounts.Scope.EVENTS_READ, dev.scrollback.domain.accounts.Scope.BOARDS_WRITE),
                        new dev.scrollback.domain.accounts.ApiKeyHash("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                        Optional.of(T0.plus(Duration.ofDays(90))), T0),
                new dev.scrollback.domain.accounts.ApiKeyEvent.ApiKeyIssued(API_KEY, ACCOUNT,
                        new dev.scrollback.domain.accounts.ApiKeyName("auditor's robot"),
                        java.util.Set.of(dev.scrollback.domain.accounts.Scope.AUDIT_READ, dev.scrollback.domain.accounts.Scope.ADMIN),
                        new dev.scrollback.domain.accounts.ApiKeyHash("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                        Optional.empty(), T0),
                new dev.scrollback.domain.accounts.ApiKeyEvent.ApiKeyRevoked(API_KEY, ACCOUNT,
                        dev.scrollback.domain.accounts.ApiKeyEvent.RevocationReason.OWNER, T0.plusSeconds(5)),
                new dev.scrollback.domain.accounts.ApiKeyEvent.ApiKeyRevoked(API_KEY, ACCOUNT,
                        dev.scrollback.domain.accounts.ApiKeyEvent.RevocationReason.SYSOP, T0.plusSeconds(6)),
                new SessionStarted(SESSION, ACCOUNT, ALICE, Channel.TELNET, Optional.of(new RemoteAddress("127.0.0.1")),
                        Optional.of(new Terminal("xterm-256color", 80, 24)), T0.plusSeconds(60)),
                new SessionStarted(SESSION, ACCOUNT, ALICE, Channel.WEB, Optional.of(new RemoteAddress("::1")), Optional.empty(),
                        T0.plusSeconds(60)),
                new SessionEvent.SessionRefreshed(SESSION, 1, T0.plusSeconds(120)),
                new SessionEnded(SESSION, EndReason.GOODBYE, Duration.ofSeconds(90, 500), T0.plusSeconds(150)),
                new dev.scrollback.domain.accounts.SigningKeyEvent.SigningKeyRotated(
                        new dev.scrollback.domain.accounts.SigningKeyId("Hn2yl8Ef1BkZlK5y5Kc8r0F-9G_4q7m3L1w2e3r4t5y"),
                        Optional.of(new dev.scrollback.domain.accounts.SigningKeyId("aB3_-x")),
                        dev.scrollback.domain.accounts.SigningKeyEvent.RotationReason.ON_DEMAND, T0),
                new dev.scrollback.domain.accounts.SigningKeyEvent.SigningKeyRotated(
                        new dev.scrollback.domain.accounts.SigningKeyId("aB3_-x"), Optional.empty(),
                        dev.scrollback.domain.accounts.SigningKeyEvent.RotationReason.INITIAL, T0),
                new dev.scrollback.domain.accounts.SigningKeyEvent.SigningKeyRetired(
                        new dev.scrollback.domain.accounts.SigningKeyId("aB3_-x"), T0.plusSeconds(7)),
                new BoardEvent.BoardNameClaimed(BOARD, new BoardName("Chatter"), T0),
                new BoardEvent.BoardCreated(BOARD, new ConferenceName("General"), new BoardName("Chatter"), "Anything goes",
                        new BoardAccess(java.util.Set.of(Role.MEMBER, Role.GUEST), java.util.Set.of(Role.MEMBER)), T0),
                new MessageEvent.MessagePosted(MESSAGE, THREAD, BOARD, ACCOUNT, ALICE, new Subject("Modems"),
                        new MessageBody("Who still has a 14.4?\n\tTabs too."), Optional.empty(), T0),
                new MessageEvent.MessagePosted(REPLY, THREAD, BOARD, ACCOUNT, ALICE, new Subject("Re: Modems"),
                        new MessageBody("> Who still has a 14.4?\nI do."), Optional.of(MESSAGE), T0.plusSeconds(1)),
                new MessageEvent.MessageEdited(REPLY, THREAD, BOARD, new MessageBody("I do, a USR."), T0.plusSeconds(2)),
                new MessageEvent.MessageDeleted(REPLY, THREAD, BOARD, "off topic", T0.plusSeconds(3)),
                new MessageEvent.PluginReplyPosted(PLUGIN_REPLY, THREAD, BOARD, new PluginName("auto-responder"),
                        new Subject("Re: Modems"), new MessageBody("pong"), T0.plusSeconds(3)),
                new MessageEvent.ThreadLocked(THREAD, BOARD, "", T0.plusSeconds(4)),
                new ReadMarkEvent.BoardReadUpTo(ACCOUNT, BOARD, 2, T0.plusSeconds(5)),
                new dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageSent(MAIL, ACCOUNT, ALICE,
                        new AccountId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000c1")), new Handle("Bob"),
                        new dev.scrollback.domain.mail.MailSubject("Lunch?"),
                        new dev.scrollback.domain.mail.MailBody("Noon?\n\tAt the usual place."), Optional.of(MAIL), T0),
                new dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageSent(MAIL, ACCOUNT, ALICE,
                        new AccountId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000c1")), new Handle("Bob"),
                        new dev.scrollback.domain.mail.MailSubject("Hi"), new dev.scrollback.domain.mail.MailBody("Hi"),
                        Optional.empty(), T0),
                new dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageRead(MAIL, ACCOUNT, T0.plusSeconds(9)),
                new dev.scrollback.domain.mail.PrivateMessageEvent.PrivateMessageDeleted(MAIL, ACCOUNT,
                        dev.scrollback.domain.mail.PrivateMessageEvent.MailboxSide.RECIPIENT, T0.plusSeconds(10)),
                new ChatRoomEvent.ChatRoomNameClaimed(ROOM, new RoomName("Retro Café"), T0),
                new ChatRoomEvent.ChatRoomCreated(ROOM, new RoomName("Retro Café"), RoomKind.PUBLIC,
                        Optional.of(new ChatTopic("Modems & more")), ACCOUNT, ALICE, T0),
                new ChatRoomEvent.ChatRoomCreated(ROOM, new RoomName("Den"), RoomKind.PRIVATE, Optional.empty(), ACCOUNT, ALICE, T0),
                new ChatRoomEvent.ChatInvited(ROOM, BOB, new Handle("Bob"), ACCOUNT, T0.plusSeconds(1)),
                new ChatRoomEvent.ChatJoined(ROOM, ACCOUNT, ALICE, SESSION, T0.plusSeconds(2)),
                new ChatRoomEvent.ChatMessageSent(ROOM, ACCOUNT, ALICE, SESSION, LineKind.SAY, new ChatText("Hello, all"),
                        T0.plusSeconds(3)),
                new ChatRoomEvent.ChatMessageSent(ROOM, ACCOUNT, ALICE, SESSION, LineKind.ACTION, new ChatText("waves"),
                        T0.plusSeconds(4)),
                new ChatRoomEvent.ChatPluginMessageSent(ROOM, new PluginName("auto-responder"), new ChatText("It is noon."),
                        T0.plusSeconds(4)),
                new ChatRoomEvent.ChatLeft(ROOM, ACCOUNT, ALICE, SESSION, ChatRoomEvent.LeaveReason.LEFT, Optional.empty(),
                        Optional.empty(), Optional.empty(), T0.plusSeconds(5)),
                new ChatRoomEvent.ChatLeft(ROOM, BOB, new Handle("Bob"), SESSION, ChatRoomEvent.LeaveReason.KICKED,
                        Optional.of(ACCOUNT), Optional.of(ALICE), Optional.of("Flooding"), T0.plusSeconds(6)),
                new ChatRoomEvent.ChatMemberMuted(ROOM, BOB, new Handle("Bob"), T0.plusSeconds(600), "Cool down", ACCOUNT, ALICE,
                        T0.plusSeconds(7)),
                new ChatRoomEvent.ChatMemberUnmuted(ROOM, BOB, new Handle("Bob"), ACCOUNT, ALICE, T0.plusSeconds(8)),
                new PageEvent.PageSent(PAGE, ACCOUNT, ALICE, BOB, new Handle("Bob"), new PageText("Call me on line 2"),
                        T0.plusSeconds(9)),
                new PluginEvent.PluginSubmitted(PLUGIN, new PluginName("weather-bot"), PluginVersion.parse("1.2.0-rc.1+build.7"),
                        VersionRange.parse(">=0.1.0, <0.2.0"), new PluginDescription("Posts the forecast.\nAsk it: /weather"),
                        new PluginAuthor("Ada Ölund"), new LicenseId("MIT OR Apache-2.0"), Engine.WASM, new EntryPoint("dist/plugin.wasm"),
                        Set.of(Hook.HANDLE_COMMAND, Hook.ON_USER_LOGIN, Hook.ON_EVENT, Hook.ON_SCHEDULE),
                        Set.of(Permission.Kind.HTTP, Permission.Kind.POST_MESSAGE),
                        Set.of(new HostName("api.weather.example"), new HostName("*.cdn.example")),
                        PluginLimits.defaults().withMemoryBytes(4 * PluginLimits.MIB)
                                .withDeadline(Hook.HANDLE_COMMAND, Duration.ofMillis(1500)).withDeadline(Hook.ON_USER_LOGIN, Duration.ofMillis(20)),
                        new PluginTriggers(Set.of(new EventTypeName("ChatRoomCreated"), new EventTypeName("LoginSucceeded")),
                                List.of(new CronSchedule("*/15 * * * *"), new CronSchedule("0 9 * * 1-5"))),
                        new PackageSha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"), ACCOUNT, ALICE, T0),
                new PluginEvent.PluginSubmitted(PLUGIN, new PluginName("echo"), PluginVersion.parse("0.1.0"), VersionRange.any(),
                        new PluginDescription("Echoes"), new PluginAuthor("Bob"), new LicenseId("MIT"), Engine.JS, new EntryPoint("main.js"),
                        Set.of(Hook.HANDLE_COMMAND), Set.of(), Set.of(), PluginLimits.defaults(), PluginTriggers.none(),
                        new PackageSha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"), ACCOUNT, ALICE, T0),
                new PluginEvent.PluginScanned(PLUGIN, false, List.of("imports wasi_snapshot_preview1.fd_write", "no exports"), T0.plusSeconds(1)),
                new PluginEvent.PluginScanned(PLUGIN, true, List.of(), T0.plusSeconds(2)),
                new PluginEvent.PluginApproved(PLUGIN, ACCOUNT, ALICE, T0.plusSeconds(3)),
                new PluginEvent.PluginPublished(PLUGIN, ACCOUNT, ALICE, T0.plusSeconds(4)),
                new PluginEvent.PluginInstalled(PLUGIN, new PluginName("weather-bot"), PluginVersion.parse("1.2.0-rc.1+build.7"),
                        new PublisherKeyId("ed25519:4f2a9c"), ACCOUNT, ALICE, T0.plusSeconds(5)),
                new PluginEvent.PluginEnabled(PLUGIN, ACCOUNT, ALICE, T0.plusSeconds(6)),
                new PluginEvent.PluginFaulted(PLUGIN, Hook.FILTER_MESSAGE_CONTENT, FaultKind.OUTPUT_TOO_LARGE, "answer of 70000 bytes",
                        T0.plusSeconds(7)),
                new PluginEvent.PluginDisabled(PLUGIN, PluginEvent.DisableReason.TOO_MANY_FAULTS, Optional.empty(), Optional.empty(),
                        T0.plusSeconds(8)),
                new PluginEvent.PluginDisabled(PLUGIN, PluginEvent.DisableReason.BY_SYSOP, Optional.of(ACCOUNT), Optional.of(ALICE),
                        T0.plusSeconds(9)),
                new PluginEvent.PluginUninstalled(PLUGIN, ACCOUNT, ALICE, T0.plusSeconds(10)),
                new dev.scrollback.domain.plugins.PluginActionEvent.MessageRejected(new PluginName("spam-filter"), PLUGIN,
                        dev.scrollback.domain.shared.MessagePlace.board(PLUGIN.value(), "General"), ACCOUNT, ALICE,
                        "3 links; at most 2 are allowed", T0.plusSeconds(11)),
                new dev.scrollback.domain.plugins.PluginActionEvent.MessageRewritten(new PluginName("spam-filter"), PLUGIN,
                        dev.scrollback.domain.shared.MessagePlace.chat(ROOM.value(), "Lobby"), ACCOUNT, ALICE, T0.plusSeconds(12)),
                new dev.scrollback.domain.plugins.PluginActionEvent.PluginStorageWritten(new PluginName("statistics"), PLUGIN,
                        List.of(new dev.scrollback.domain.plugins.PluginActionEvent.StorageWrite("chat", Optional.of("AwAAAAAAAAA=")),
                                new dev.scrollback.domain.plugins.PluginActionEvent.StorageWrite("old", Optional.empty())),
                        T0.plusSeconds(13)),
                new dev.scrollback.domain.plugins.PluginScheduleFired(new PluginName("crier"), PLUGIN,
                        new CronSchedule("*/5 * * * *"), Instant.parse("2031-05-01T12:05:00Z"), T0.plusSeconds(14)),
                new WebhookEvent.WebhookSubscribed(WEBHOOK, "https://hooks.example.org/in?…",
                        new WebhookFilter(Set.of("MessagePosted", "AccountRegistered"), Set.of("thread")),
                        new WebhookDescription("CRM sync"), 42, T0.plusSeconds(15)),
                new WebhookEvent.WebhookPaused(WEBHOOK, T0.plusSeconds(16)),
                new WebhookEvent.WebhookResumed(WEBHOOK, T0.plusSeconds(17)),
                new WebhookEvent.WebhookSecretRotated(WEBHOOK, T0.plusSeconds(86_418), T0.plusSeconds(18)),
                new WebhookEvent.WebhookDisabled(WEBHOOK, 42, 43, T0.plusSeconds(19), "HTTP 503", T0.plusSeconds(259_219)),
                new WebhookEvent.WebhookDeleted(WEBHOOK, T0.plusSeconds(20)),
                // an account of its own: appending it destroys that account's key (decision 0021)
                new AccountEvent.AccountErased(ERASED, T0));
    }

    static final WebhookId WEBHOOK = new WebhookId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000f0"));

    static final PluginId PLUGIN = new PluginId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000e0"));

    static final ChatRoomId ROOM = new ChatRoomId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000d0"));
    static final PageId PAGE = new PageId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000d1"));
    /** The account {@link #all()} erases; nothing else in the samples is about it. */
    static final AccountId ERASED = new AccountId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000e9"));
    static final AccountId BOB = new AccountId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000c1"));

    static final dev.scrollback.domain.mail.PrivateMessageId MAIL =
            new dev.scrollback.domain.mail.PrivateMessageId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000c0"));

    static final BoardId BOARD = new BoardId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000b0"));
    static final ThreadId THREAD = new ThreadId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000b1"));
    static final MessageId MESSAGE = new MessageId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000b2"));
    static final MessageId REPLY = new MessageId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000b3"));
    static final MessageId PLUGIN_REPLY = new MessageId(UUID.fromString("0195f0a0-0000-7000-8000-0000000000b4"));

    /** The stream an event belongs on, as the application names them. */
    static StreamId streamOf(DomainEvent event) {
        return switch (event) {
            case AccountEvent e -> StreamId.of("account", e.account());
            case HandleEvent.HandleClaimed e -> StreamId.of("handle", e.handle().key());
            case dev.scrollback.domain.accounts.UnknownHandleEvent e -> StreamId.of("loginfailures", "2025-03-01");
            case dev.scrollback.domain.accounts.ApiKeyEvent e -> StreamId.of("apikey", e.key());
            case SessionEvent e -> StreamId.of("session", e.session());
            case dev.scrollback.domain.accounts.SigningKeyEvent e -> StreamId.of("signingkeys", "tokens");
            case BoardEvent.BoardNameClaimed e -> StreamId.of("boardname", "c4a1");
            case BoardEvent e -> StreamId.of("board", e.board());
            case MessageEvent e -> StreamId.of("thread", e.thread());
            case ReadMarkEvent e -> StreamId.of("readmarks", e.account());
            case dev.scrollback.domain.mail.PrivateMessageEvent e -> StreamId.of("mail", e.message());
            case ChatRoomEvent.ChatRoomNameClaimed e -> StreamId.of("chatroomname", "9d2e");
            case ChatRoomEvent e -> StreamId.of("chatroom", e.room());
            case PageEvent e -> StreamId.of("page", e.page());
            case PluginEvent e -> StreamId.of("plugin", e.plugin());
            case WebhookEvent e -> StreamId.of("webhook", e.webhook());
            case dev.scrollback.domain.plugins.PluginActionEvent e -> StreamId.of("pluginactions", e.plugin().value());
            case dev.scrollback.domain.plugins.PluginScheduleFired e -> StreamId.of("pluginschedule", e.plugin().value());
            default -> throw new IllegalArgumentException(event.toString());
        };
    }

    static EventMetadata metadata() {
        return new EventMetadata(Actor.user(ACCOUNT, ALICE),
                Origin.of(Channel.TELNET, new RemoteAddress("127.0.0.1")).inSession(SESSION),
                T0.plusNanos(1), UuidV7.next(), Optional.of(UuidV7.next()));
    }

    static EventMetadata systemMetadata() {
        return new EventMetadata(Actor.system(), Origin.system(), Instant.parse("2025-03-02T00:00:00Z"), UuidV7.next(), Optional.empty());
    }

    /** A small event for load tests, on any stream. */
    static EmailVerified verified(int n) {
        return new EmailVerified(ACCOUNT, T0.plusMillis(n));
    }

    static StreamAppend onNewStream(String category, DomainEvent... events) {
        return new StreamAppend(StreamId.of(category, UUID.randomUUID()), ExpectedVersion.noStream(), List.of(events));
    }
}
