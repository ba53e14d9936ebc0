package dev.scrollback.domain.boards;

import dev.scrollback.domain.shared.AccountId;
import java.time.Instant;

/**
 * Where a caller has read up to, stored on stream {@code readmarks-<account uuid>}: what new-scan starts from. A mark
 * names a board's message number ({@code upTo}): the boards projection numbers each board's messages 1, 2, 3 … in log
 * order, which every rebuild repeats, so the number means the same message on every instance and after every restart.
 */
public sealed interface ReadMarkEvent extends BoardsEvent {
    AccountId account();

    /** The caller has read board {@code board} up to its message number {@code upTo}; marks only move forward. */
    record BoardReadUpTo(AccountId account, BoardId board, long upTo, Instant at) implements ReadMarkEvent {}
}
