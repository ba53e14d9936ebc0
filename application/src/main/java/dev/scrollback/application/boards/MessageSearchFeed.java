package dev.scrollback.application.boards;

import dev.scrollback.application.shared.ProjectionSnapshot;
import dev.scrollback.application.shared.ProjectionState;
import dev.scrollback.application.shared.Rebuildable;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.boards.MessageEvent;
import dev.scrollback.domain.boards.MessageEvent.MessageDeleted;
import dev.scrollback.domain.boards.MessageEvent.MessageEdited;
import dev.scrollback.domain.boards.MessageEvent.MessagePosted;
import dev.scrollback.domain.boards.MessageEvent.PluginReplyPosted;
import dev.scrollback.domain.boards.MessageEvent.ThreadLocked;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Projection: keeps a {@link MessageIndex} in step with the boards' messages, and answers searches from it. A rebuild
 * fills a new, empty index ({@link MessageIndex#empty()}) and swaps it in whole; the one it replaces is closed.
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

        State(MessageIndex index) {
            this.index = index;
        }

        @Override
        public void apply(RecordedEvent recorded) {
            if (recorded.event() instanceof MessageEvent event) apply(event);
        }

        void apply(MessageEvent event) {
            switch (event) {
                case MessagePosted p -> index.add(new MessageIndex.Indexed(p.message(), p.thread(), p.board(),
                        p.authorHandle().value(), p.subject(), p.body(), p.at()));
                case PluginReplyPosted p -> index.add(new MessageIndex.Indexed(p.message(), p.thread(), p.board(),
                        p.plugin().value(), p.subject(), p.body(), p.at()));
                case MessageEdited e -> index.edit(e.message(), e.body());
                case MessageDeleted d -> index.remove(d.message());
                case ThreadLocked l -> { }
            }
        }

        @Override
        public ProjectionSnapshot snapshot() {
            var snapshot = ProjectionSnapshot.builder();
            index.forEach(indexed -> snapshot.put("message/" + indexed.message(), indexed));
            return snapshot.build();
        }

        @Override
        public void retire() {
            index.close();
        }
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
