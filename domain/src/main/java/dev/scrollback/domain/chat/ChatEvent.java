package dev.scrollback.domain.chat;

import dev.scrollback.domain.shared.DomainEvent;

/**
 * Every event of the chat capability: rooms and what happens in them, and pages. One family, so a projection that
 * needs them all reads them in log order through one processor.
 */
public sealed interface ChatEvent extends DomainEvent permits ChatRoomEvent, PageEvent {}
