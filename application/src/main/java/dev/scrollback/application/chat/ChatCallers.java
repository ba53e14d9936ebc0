package dev.scrollback.application.chat;

import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.AccountStreams;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.accounts.HandleLookup;
import dev.scrollback.application.shared.Decision.Loaded;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountState;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.chat.ChatRejected;
import dev.scrollback.domain.chat.ChatRejected.UnknownCaller;
import dev.scrollback.domain.chat.Participant;
import dev.scrollback.domain.shared.Handle;

/**
 * Who takes part in chat: members and sysops, each from an interactive login (membership is per session, and an API
 * key has none: {@link Caller#session()} refuses it). And whoever a command names by handle, with the roles their
 * account holds now, read from its own streams (no projection, so no lag).
 */
final class ChatCallers {
    private ChatCallers() {}

    /** The caller as a room's decisions see them; refuses API keys ({@code CredentialDenied}) and guests ({@code AccessDenied}). */
    static Participant participant(Caller caller) {
        caller.session();
        AccessDenied.unlessAny(caller, Role.MEMBER, Role.SYSOP);
        return new Participant(caller.account(), caller.handle(), caller.roles());
    }

    /** The member behind {@code handle}; a handle nobody holds, or an account that has not verified, is {@code UnknownCaller}. */
    static Participant named(EventLog log, Handle handle) {
        var account = HandleLookup.accountOf(log, handle).orElseThrow(() -> new ChatRejected(new UnknownCaller(handle)));
        var state = Loaded.load(log, AccountStreams.account(account), new AccountDecider(), AccountEvent.class).state();
        if (state instanceof AccountState.Registered r
                && (r.effectiveRoles().contains(Role.MEMBER) || r.effectiveRoles().contains(Role.SYSOP))) {
            return new Participant(account, r.handle(), r.effectiveRoles());
        }
        throw new ChatRejected(new UnknownCaller(handle));
    }
}
