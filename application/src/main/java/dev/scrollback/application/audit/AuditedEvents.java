package dev.scrollback.application.audit;

import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.ApiKeyEvent;
import dev.scrollback.domain.accounts.SigningKeyEvent;
import dev.scrollback.domain.accounts.UnknownHandleEvent;
import dev.scrollback.domain.boards.MessageEvent;
import dev.scrollback.domain.chat.ChatRoomEvent;
import dev.scrollback.domain.plugins.PluginActionEvent;
import dev.scrollback.domain.plugins.PluginEvent;
import dev.scrollback.domain.sessions.EndReason;
import dev.scrollback.domain.sessions.SessionEvent;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.DomainEvent;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.webhooks.WebhookEvent;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which events the audit log records, and how each reads in one line. Security-relevant: registrations, logins and
 * their failures, log-outs, locks and unlocks, password, TOTP and recovery-code changes, role changes, API keys,
 * signing keys, sessions a sysop or a revocation ended. Admin and moderation: plugin lifecycle, webhook subscriptions, deleted messages, locked
 * threads, chat kicks, mutes and invitations, messages a plugin rejected or rewrote. Everything else (posts, chat lines,
 * reads) is not audited. The switches over each family are exhaustive, so a new event type must be placed here.
 */
final class AuditedEvents {
    /** What an audited event says: its line, and the account it concerns (if any). */
    record Audited(String summary, Optional<AccountId> subject, Optional<Handle> subjectHandle) {
        static Audited about(String summary, AccountId subject, Optional<Handle> handle) {
            return new Audited(summary, Optional.of(subject), handle);
        }

        static Audited of(String summary) {
            return new Audited(summary, Optional.empty(), Optional.empty());
        }
    }

    private AuditedEvents() {}

    /** The audit line for {@code event}, or empty when it is not audited; {@code handles} names known accounts. */
    static Optional<Audited> of(DomainEvent event, Function<AccountId, Optional<Handle>> handles) {
        return switch (event) {
            case AccountEvent e -> Optional.of(account(e, handles.apply(e.account())));
            case ApiKeyEvent e -> Optional.of(apiKey(e, handles.apply(e.account())));
            case SigningKeyEvent e -> Optional.of(signingKey(e));
            case UnknownHandleEvent.UnknownHandleLoginFailed e -> Optional.of(new Audited("login failed for unknown handle "
                    + e.handle().value() + (e.locked() ? "; the name is locked" : ""), Optional.empty(), Optional.of(e.handle())));
            case SessionEvent e -> session(e);
            case PluginEvent e -> Optional.of(plugin(e));
            case PluginActionEvent e -> pluginAction(e);
            case MessageEvent e -> message(e);
            case ChatRoomEvent e -> chat(e);
            case WebhookEvent e -> Optional.of(webhook(e));
            default -> Optional.empty();       // DomainEvent is an open marker; the families above are sealed
        };
    }

    private static Audited account(AccountEvent event, Optional<Handle> known) {
        var id = event.account();
        return switch (event) {
            case AccountEvent.AccountRegistered e -> Audited.about("account registered as " + e.handle().value(), id, Optional.of(e.handle()));
            case AccountEvent.EmailVerificationIssued e -> Audited.about("email verification code mailed", id, known);
            case AccountEvent.EmailVerified e -> Audited.about("email verified", id, known);
            case AccountEvent.LoginSucceeded e -> Audited.about("login succeeded for " + e.handle().value(), id, Optional.of(e.handle()));
            case AccountEvent.LoginFailed e -> Audited.about("login failed for " + e.handle().value() + ": "
                    + wire(e.reason().name()), id, Optional.of(e.handle()));
            case AccountEvent.LoggedOut e -> Audited.about("logged out", id, known);
            case AccountEvent.RoleGranted e -> Audited.about("role " + e.role().wireName() + " granted", id, known);
            case AccountEvent.RoleRevoked e -> Audited.about("role " + e.role().wireName() + " revoked", id, known);
            case AccountEvent.AccountLocked e -> Audited.about("account locked (" + wire(e.cause().name()) + ")"
                    + e.until().map(until -> " until " + until).orElse(" until unlocked")
                    + e.note().map(note -> ": " + note.value()).orElse(""), id, known);
            case AccountEvent.UnlockCodeIssued e -> Audited.about("unlock code mailed", id, known);
            case AccountEvent.AccountUnlocked e -> Audited.about("account unlocked (" + wire(e.reason().name()) + ")", id, known);
            case AccountEvent.TotpEnrolled e -> Audited.about("TOTP enrolled", id, known);
            case AccountEvent.TotpDisabled e -> Audited.about("TOTP disabled", id, known);
            case AccountEvent.TotpCodeAccepted e -> Audited.about("TOTP code accepted", id, known);
            case AccountEvent.RecoveryCodeUsed e -> Audited.about("recovery code used (" + e.left() + " left)", id, known);
            case AccountEvent.PasswordChanged e -> Audited.about("password changed", id, known);
            case AccountEvent.PasswordResetRequested e -> Audited.about("password reset requested ("
                    + wire(e.cause().name()) + ")", id, known);
            case AccountEvent.PasswordResetCompleted e -> Audited.about("password reset completed", id, known);
            case AccountEvent.AccountErased e -> Audited.about("account erased: its personal data is unreadable from now", id, known);
        };
    }

    private static Audited apiKey(ApiKeyEvent event, Optional<Handle> owner) {
        return switch (event) {
            case ApiKeyEvent.ApiKeyIssued e -> Audited.about("API key " + e.key() + " \"" + e.name().value() + "\" issued with "
                    + (e.scopes().isEmpty() ? "no scopes" : "scopes " + String.join(" ", e.scopes().stream()
                    .map(s -> s.wireName()).toList())), e.account(), owner);
            case ApiKeyEvent.ApiKeyRevoked e -> Audited.about("API key " + e.key() + " revoked (" + wire(e.reason().name()) + ")",
                    e.account(), owner);
        };
    }

    private static Audited signingKey(SigningKeyEvent event) {
        return switch (event) {
            case SigningKeyEvent.SigningKeyRotated e -> Audited.of("token signing key " + e.key().value() + " took over ("
                    + wire(e.reason().name()) + ")");
            case SigningKeyEvent.SigningKeyRetired e -> Audited.of("token signing key " + e.key().value() + " retired");
        };
    }

    private static Optional<Audited> session(SessionEvent event) {
        return switch (event) {
            case SessionEvent.SessionEnded e when e.reason() == EndReason.KICKED || e.reason() == EndReason.REVOKED ->
                    Optional.of(Audited.of("session " + e.session() + " ended (" + wire(e.reason().name()) + ")"));
            case SessionEvent.SessionEnded e -> Optional.empty();
            case SessionEvent.SessionStarted e -> Optional.empty();      // its login is audited
            case SessionEvent.SessionRefreshed e -> Optional.empty();
        };
    }

    private static Audited plugin(PluginEvent event) {
        var id = event.plugin();
        return switch (event) {
            case PluginEvent.PluginSubmitted e -> Audited.of("plugin " + e.name().value() + " " + e.version() + " submitted as " + id);
            case PluginEvent.PluginScanned e -> Audited.of("plugin " + id + " scanned: " + (e.passed() ? "passed" : "failed")
                    + (e.findings().isEmpty() ? "" : " (" + e.findings().size() + " findings)"));
            case PluginEvent.PluginApproved e -> Audited.of("plugin " + id + " approved");
            case PluginEvent.PluginPublished e -> Audited.of("plugin " + id + " published");
            case PluginEvent.PluginInstalled e -> Audited.of("plugin " + e.name().value() + " " + e.version() + " installed as " + id);
            case PluginEvent.PluginEnabled e -> Audited.of("plugin " + id + " enabled");
            case PluginEvent.PluginDisabled e -> Audited.of("plugin " + id + " disabled (" + e.reason().wireName() + ")");
            case PluginEvent.PluginUninstalled e -> Audited.of("plugin " + id + " uninstalled");
            case PluginEvent.PluginFaulted e -> Audited.of("plugin " + id + " faulted in " + e.hook().wireName() + " ("
                    + e.kind().wireName() + "): " + e.detail());
        };
    }

    private static Optional<Audited> pluginAction(PluginActionEvent event) {
        return switch (event) {
            case PluginActionEvent.MessageRejected e -> Optional.of(Audited.about("plugin " + e.plugin().value()
                    + " rejected a message", e.author(), Optional.of(e.authorHandle())));
            case PluginActionEvent.MessageRewritten e -> Optional.of(Audited.about("plugin " + e.plugin().value()
                    + " rewrote a message", e.author(), Optional.of(e.authorHandle())));
            case PluginActionEvent.PluginStorageWritten e -> Optional.empty();
        };
    }

    private static Optional<Audited> message(MessageEvent event) {
        return switch (event) {
            case MessageEvent.MessageDeleted e -> Optional.of(Audited.of("message " + e.message() + " in thread " + e.thread()
                    + " deleted: " + e.reason()));
            case MessageEvent.ThreadLocked e -> Optional.of(Audited.of("thread " + e.thread() + " locked: " + e.reason()));
            case MessageEvent.MessagePosted e -> Optional.empty();
            case MessageEvent.PluginReplyPosted e -> Optional.empty();
            case MessageEvent.MessageEdited e -> Optional.empty();
        };
    }

    private static Optional<Audited> chat(ChatRoomEvent event) {
        return switch (event) {
            case ChatRoomEvent.ChatLeft e when e.reason() == ChatRoomEvent.LeaveReason.KICKED -> Optional.of(Audited.about(
                    e.handle().value() + " kicked from chat room " + e.room() + e.note().map(n -> ": " + n).orElse(""),
                    e.account(), Optional.of(e.handle())));
            case ChatRoomEvent.ChatMemberMuted e -> Optional.of(Audited.about(e.handle().value() + " muted in chat room "
                    + e.room() + " until " + e.until() + ": " + e.reason(), e.account(), Optional.of(e.handle())));
            case ChatRoomEvent.ChatMemberUnmuted e -> Optional.of(Audited.about(e.handle().value() + " unmuted in chat room "
                    + e.room(), e.account(), Optional.of(e.handle())));
            case ChatRoomEvent.ChatInvited e -> Optional.of(Audited.about(e.handle().value() + " invited to chat room "
                    + e.room(), e.account(), Optional.of(e.handle())));
            case ChatRoomEvent.ChatLeft e -> Optional.empty();
            case ChatRoomEvent.ChatRoomNameClaimed e -> Optional.empty();
            case ChatRoomEvent.ChatRoomCreated e -> Optional.empty();
            case ChatRoomEvent.ChatJoined e -> Optional.empty();
            case ChatRoomEvent.ChatMessageSent e -> Optional.empty();
            case ChatRoomEvent.ChatPluginMessageSent e -> Optional.empty();
        };
    }

    private static Audited webhook(WebhookEvent event) {
        var id = event.webhook();
        return switch (event) {
            case WebhookEvent.WebhookSubscribed e -> Audited.of("webhook " + id + " subscribed to " + e.url()
                    + " after position " + e.after());
            case WebhookEvent.WebhookPaused e -> Audited.of("webhook " + id + " paused");
            case WebhookEvent.WebhookResumed e -> Audited.of("webhook " + id + " resumed");
            case WebhookEvent.WebhookSecretRotated e -> Audited.of("webhook " + id + " signing secret rotated");
            case WebhookEvent.WebhookDisabled e -> Audited.of("webhook " + id + " disabled: deliveries failed since "
                    + e.failingSince() + " (" + e.lastError() + ")");
            case WebhookEvent.WebhookDeleted e -> Audited.of("webhook " + id + " deleted");
        };
    }

    private static String wire(String enumName) {
        return enumName.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
