package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.domain.accounts.AccountDecider;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountState;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.shared.AccountId;
import java.util.HashSet;
import java.util.Optional;

/**
 * How many accounts other than a target hold the sysop role, for the decisions that must leave one (revoking the role,
 * erasing an account). The directory says who may hold it, but it may lag the log: each candidate is confirmed from
 * their own stream, so a sysop revoked a moment ago never counts. A calling sysop's role was just read from the log,
 * so they count even before the directory has seen them.
 */
final class OtherSysops {
    private OtherSysops() {}

    static int count(EventLog log, AccountDirectory directory, Optional<AccountId> callingSysop, AccountId target) {
        var candidates = new HashSet<>(directory.sysops());
        callingSysop.ifPresent(candidates::add);
        candidates.remove(target);
        return (int) candidates.stream().filter(account -> holdsSysop(log, account)).count();
    }

    private static boolean holdsSysop(EventLog log, AccountId account) {
        var loaded = Decision.Loaded.load(log, AccountStreams.account(account), new AccountDecider(), AccountEvent.class);
        return loaded.state() instanceof AccountState.Registered r && r.roles().contains(Role.SYSOP);
    }
}
