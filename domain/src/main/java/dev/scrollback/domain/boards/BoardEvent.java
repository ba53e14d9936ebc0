package dev.scrollback.domain.boards;

import java.time.Instant;

/** Facts about one board, stored on stream {@code board-<uuid>}. Names are a public contract (SPEC §3). */
public sealed interface BoardEvent extends BoardsEvent {
    BoardId board();

    Instant at();

    /** A sysop (the actor) opened a board in a conference, readable and writable by the roles in {@code access}. */
    /**
     * The board's name is taken, on the name's own stream ({@code boardname-<digest of the name's key>}), appended in
     * the same transaction as {@link BoardCreated}: two boards can never share a name, however close the two creates.
     */
    record BoardNameClaimed(BoardId board, BoardName name, Instant at) implements BoardEvent {}

    record BoardCreated(BoardId board, ConferenceName conference, BoardName name, String description, BoardAccess access,
                        Instant at) implements BoardEvent {}
}
