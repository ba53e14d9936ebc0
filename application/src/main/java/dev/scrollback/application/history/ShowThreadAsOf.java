package dev.scrollback.application.history;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.domain.boards.ThreadId;

/**
 * In-port: a thread as it was at a point, every message as it read then. Sysops and auditors only (on any board); an
 * unknown thread is {@code NoSuchThread}.
 */
public interface ShowThreadAsOf {
    AsOf<ThreadAsItWas> show(Caller caller, ThreadId thread, HistoryPoint point);
}
