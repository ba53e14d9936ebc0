package dev.scrollback.application.boards;

import dev.scrollback.application.shared.ProjectionSnapshot;
import dev.scrollback.application.shared.ProjectionState;
import dev.scrollback.application.shared.Rebuildable;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.boards.MessageEvent;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.DomainEvent;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Projection: keeps a {@link MessageIndex} in step with the boards' messages, and answers searches from it. A rebuild
 * fills a new, empty index ({@link MessageIndex#empty()}) and swaps it in whole; the one it replaces is closed. An
 * erased author's messages leave the index (decision 0021): at their erasure, and when a rebuild reads their bodies
 * back erased.
 */
@Named
public final class MessageSearchFeed {
    private final Rebuildable<State> state;

    @Inject
    public MessageSearchFeed(MessageIndex index) {
        this.state = new Rebuildable<>(new State(index), () -> new State(index.empty()));
    }

    /** One index and what feeds it. */
    static final class State implements ProjectionState {
        private final MessageIndex index;
        /** The messages each caller wrote, to take them out of the index if the caller is erased. */
        private final Map<AccountId, Set<MessageId>> byAuthor = new HashMap<>();

        State(MessageIndex index) {
            this.index = index;
        }

        @Override
        public void apply(RecordedEvent recorded) {
            feed(recorded.event());
        }

        /** Takes any event of the log, in log order: messages are indexed, an author's erasure takes theirs out. */
        synchronized void feed(DomainEvent event) {
            switch (event) {
                case MessageEvent e -> apply(e);
                case AccountEvent.AccountErased e -> {
                    var written = byAuthor.remove(e.account());
                    if (written != null) written.forEach(index::remove);
                }
                default -> { }                                          // not this projection's business
            }
        }

        synchronized void apply(MessageEvent event) {
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

        @Override
        public synchronized ProjectionSnapshot snapshot() {
            var snapshot = ProjectionSnapshot.builder();
            index.forEach(indexed -> snapshot.put("message/" + indexed.message(), indexed));
            byAuthor.forEach((author, messages) -> snapshot.put("author/" + author,
                    messages.stream().map(MessageId::toString).sorted().toList()));
            return snapshot.build();
        }

        @Override
        public void retire() {
            index.close();
        }
    }

    /** Takes any event of the log, in log order (see {@link State#feed}). */
    public void feed(DomainEvent event) {
        state.live().feed(event);
    }

    public void apply(MessageEvent event) {
        state.live().apply(event);
    }

    /** The best matches in the live index; see {@link MessageIndex#search}. */
    public List<MessageIndex.Hit> search(SearchText text, MessageIndex.BoardScope scope, int limit) {
        return state.live().index.search(text, scope, limit);
    }

    /** The index's state, for rebuilding it (the persistence adapter's processors feed {@code live()}). */
    public Rebuildable<?> rebuildable() {
        return state;
    }
}
