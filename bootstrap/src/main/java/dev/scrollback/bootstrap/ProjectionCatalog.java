package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.shared.Projection;
import dev.scrollback.application.accounts.AccountDirectory;
import dev.scrollback.application.accounts.ApiKeyIndex;
import dev.scrollback.application.accounts.PasswordResetIndex;
import dev.scrollback.application.audit.AuditTrail;
import dev.scrollback.application.boards.Boards;
import dev.scrollback.application.history.BoardThreads;
import dev.scrollback.application.boards.MessageSearchFeed;
import dev.scrollback.application.chat.ChatRooms;
import dev.scrollback.application.mail.Mailboxes;
import dev.scrollback.application.plugins.Plugins;
import dev.scrollback.application.presence.OnlineCallers;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.ApiKeyEvent;
import dev.scrollback.domain.boards.BoardsEvent;
import dev.scrollback.domain.plugins.PluginsEvent;
import dev.scrollback.domain.sessions.SessionEvent;
import dev.scrollback.domain.shared.DomainEvent;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every in-memory projection of the server, by the name sysops rebuild it by, with the event family each reads: the
 * one list the server's processors, the {@code replay} command and the replay benchmark share.
 */
public final class ProjectionCatalog {
    private ProjectionCatalog() {}

    /** {@code pluginRuntime} reacts to the plugin events after the registry (it starts and stops plugins; not rebuilt). */
    public static List<Projection<?>> of(OnlineCallers online, AccountDirectory directory, PasswordResetIndex passwordResets,
                                         Boards boards, MessageSearchFeed messageSearch, Mailboxes mailboxes,
                                         ChatRooms chatRooms, ApiKeyIndex apiKeys, AuditTrail auditTrail, BoardThreads boardThreads, Plugins plugins,
                                         Consumer<PluginsEvent> pluginRuntime) {
        return List.of(
                Projection.rebuildable("presence", SessionEvent.class, online.rebuildable()),
                Projection.rebuildable("account-directory", AccountEvent.class, directory.rebuildable()),
                Projection.rebuildable("password-resets", AccountEvent.class, passwordResets.rebuildable()),
                Projection.rebuildable("boards", BoardsEvent.class, boards.rebuildable()),
                // these two read an account's erasure too (decision 0021), so in log order through one processor each
                Projection.rebuildable("message-search", DomainEvent.class, messageSearch.rebuildable()),
                Projection.rebuildable("mailboxes", DomainEvent.class, mailboxes.rebuildable()),
                // chat reads session events too (an ended session leaves its rooms), so in log order through one processor
                Projection.rebuildable("chat-rooms", DomainEvent.class, chatRooms.rebuildable()),
                Projection.rebuildable("api-keys", ApiKeyEvent.class, apiKeys.rebuildable()),
                Projection.rebuildable("audit-trail", DomainEvent.class, auditTrail.rebuildable()),
                // time travel: where each board's threads begin, and (fed every event) how far it has read
                Projection.rebuildable("board-threads", DomainEvent.class, boardThreads.rebuildable()),
                // the registry, and which plugins run with what storage: one processor, lifecycle and actions in log order
                Projection.rebuildable("plugins", PluginsEvent.class, plugins.rebuildable()).alsoFeeding(pluginRuntime));
    }
}
