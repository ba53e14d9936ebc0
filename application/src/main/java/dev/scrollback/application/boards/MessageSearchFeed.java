package dev.scrollback.application.boards;

import dev.scrollback.domain.boards.MessageEvent;
import dev.scrollback.domain.boards.MessageEvent.MessageDeleted;
import dev.scrollback.domain.boards.MessageEvent.MessageEdited;
import dev.scrollback.domain.boards.MessageEvent.MessagePosted;
import dev.scrollback.domain.boards.MessageEvent.PluginReplyPosted;
import dev.scrollback.domain.boards.MessageEvent.ThreadLocked;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.DomainEvent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Projection: keeps the {@link MessageIndex} in step with the boards' messages. An erased author's messages leave the
 * index (decision 0021): at their erasure, and when a rebuild reads their bodies back erased.
 */
@Named
public final class MessageSearchFeed {
    private final MessageIndex index;

    @Inject
    public MessageSearchFeed(MessageIndex index) {
        this.index = index;
    }

    /** The messages each caller wrote, to take them out of the index if the caller is erased. */
    private final Map<AccountId, Set<MessageId>> byAuthor = new HashMap<>();

    /** Takes any event of the log, in log order: messages are indexed, an author's erasure takes theirs out. */
    public synchronized void feed(DomainEvent event) {
        switch (event) {
            case MessageEvent e -> apply(e);
            case AccountEvent.AccountErased e -> {
                var written = byAuthor.remove(e.account());
                if (written != null) written.forEach(index::remove);
            }
            default -> { }                                          // not this projection's business
        }
    }

    public synchronized void apply(MessageEvent event) {
        switch (event) {
            case MessagePosted p when p.body().erased() -> index.remove(p.message());
            case MessageEdited e when e.body().erased() -> index.remove(e.message());
            case MessagePosted p -> {
                byAuthor.computeIfAbsent(p.author(), a -> new HashSet<>()).add(p.message());
                index.add(new MessageIndex.Indexed(p.message(), p.thread(), p.board(),
                        p.authorHandle().value(), p.subject(), p.body(), p.at()));
            }
            case PluginReplyPosted p -> index.add(new MessageIndex.Indexed(p.message(), p.thread(), p.board(),
                    p.plugin().value(), p.subject(), p.body(), p.at()));
            case MessageEdited e -> index.edit(e.message(), e.body());
            case MessageDeleted d -> index.remove(d.message());
            case ThreadLocked l -> { }
        }
    }
}
