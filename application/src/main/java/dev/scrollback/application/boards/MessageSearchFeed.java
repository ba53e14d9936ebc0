package dev.scrollback.application.boards;

import dev.scrollback.domain.boards.MessageEvent;
import dev.scrollback.domain.boards.MessageEvent.MessageDeleted;
import dev.scrollback.domain.boards.MessageEvent.MessageEdited;
import dev.scrollback.domain.boards.MessageEvent.MessagePosted;
import dev.scrollback.domain.boards.MessageEvent.PluginReplyPosted;
import dev.scrollback.domain.boards.MessageEvent.ThreadLocked;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Projection: keeps the {@link MessageIndex} in step with the boards' messages. */
@Named
public final class MessageSearchFeed {
    private final MessageIndex index;

    @Inject
    public MessageSearchFeed(MessageIndex index) {
        this.index = index;
    }

    public void apply(MessageEvent event) {
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
}
