package dev.scrollback.application.history;

import dev.scrollback.application.accounts.Caller;

/**
 * In-port: an account as it was at a point (issue 7, time travel). For sysops and auditors only ({@code AccessDenied}
 * otherwise; an API key counts with the roles its scopes unlock, {@code audit:read} an auditor's). An unknown account
 * is {@code UnknownAccount}; a point after the log's head is an {@code InvalidValue}.
 */
public interface ShowAccountAsOf {
    /** {@code idOrHandle}: the account's id or its handle. */
    AsOf<AccountAsItWas> show(Caller caller, String idOrHandle, HistoryPoint point);
}
