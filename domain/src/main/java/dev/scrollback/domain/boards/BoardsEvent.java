package dev.scrollback.domain.boards;

import dev.scrollback.domain.shared.DomainEvent;

/**
 * Every event of the boards capability: boards, threads and their messages, and callers' read marks. One family, so a
 * projection that needs them all reads them in log order through one processor.
 */
public sealed interface BoardsEvent extends DomainEvent permits BoardEvent, MessageEvent, ReadMarkEvent {}
