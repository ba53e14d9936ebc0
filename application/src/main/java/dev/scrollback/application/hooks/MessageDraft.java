package dev.scrollback.application.hooks;

import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.MessagePlace;
import java.util.Objects;

/** What {@code author} is about to say at {@code place}, before it is posted. */
public record MessageDraft(MessagePlace place, AccountId author, Handle authorHandle, String text) {
    public MessageDraft {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(authorHandle, "authorHandle");
        Objects.requireNonNull(text, "text");
    }
}
