package dev.scrollback.application.boards;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.boards.BoardAccess;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.BoardName;
import dev.scrollback.domain.boards.ConferenceName;

/**
 * In-port: a sysop opens a board in a conference ({@code BoardCreated}, the sysop as actor). Only sysops may
 * ({@code AccessDenied}); a name already taken (case ignored) is {@code BoardExists}.
 */
public interface CreateBoard {
    BoardId create(Caller sysop, ConferenceName conference, BoardName name, String description, BoardAccess access, Origin origin);
}
