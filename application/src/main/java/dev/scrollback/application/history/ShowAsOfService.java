package dev.scrollback.application.history;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.ThreadId;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The time-travel in-ports: the role check, before anything is read, then {@link TimeTravel}. */
@Named
final class ShowAsOfService implements ShowAccountAsOf, ShowBoardAsOf, ShowThreadAsOf {
    private final TimeTravel timeTravel;

    @Inject
    ShowAsOfService(TimeTravel timeTravel) {
        this.timeTravel = timeTravel;
    }

    @Override
    public AsOf<AccountAsItWas> show(Caller caller, String idOrHandle, HistoryPoint point) {
        AccessDenied.unlessAny(caller, Role.SYSOP, Role.AUDITOR);
        return timeTravel.account(idOrHandle, point);
    }

    @Override
    public AsOf<BoardAsItWas> show(Caller caller, BoardId board, HistoryPoint point, int offset, int limit) {
        AccessDenied.unlessAny(caller, Role.SYSOP, Role.AUDITOR);
        return timeTravel.board(board, point, offset, limit);
    }

    @Override
    public AsOf<ThreadAsItWas> show(Caller caller, ThreadId thread, HistoryPoint point) {
        AccessDenied.unlessAny(caller, Role.SYSOP, Role.AUDITOR);
        return timeTravel.thread(thread, point);
    }
}
