package dev.scrollback.adapters.web.accounts;

import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.SessionId;

/** What a verified token names: an account ({@code sub}) and one of its sessions ({@code sid}). */
public record SessionToken(AccountId account, SessionId session) {}
