package dev.scrollback.domain.chat;

import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;

/** Pages, one per stream ({@code page-<uuid>}). Names are a public contract (SPEC §3). */
public sealed interface PageEvent extends ChatEvent {
    PageId page();

    Instant at();

    /**
     * {@code from} (the actor) paged {@code to}, who was online: the text breaks into their sessions wherever they are.
     * {@code text} is personal data.
     */
    record PageSent(PageId page, AccountId from, Handle fromHandle, AccountId to, Handle toHandle, PageText text, Instant at)
            implements PageEvent {}
}
