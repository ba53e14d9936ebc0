package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Decision;
import dev.scrollback.application.shared.EventLog;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.accounts.AccountRejected.HandleTaken;
import dev.scrollback.domain.accounts.AccountRejected.WeakPassword;
import dev.scrollback.domain.accounts.CommonPasswords;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.HandleCommand.Claim;
import dev.scrollback.domain.accounts.HandleDecider;
import dev.scrollback.domain.accounts.HandleEvent;
import dev.scrollback.domain.accounts.HandleState;
import dev.scrollback.domain.accounts.PasswordPolicy;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Opening an account, for sign-up and the first sysop alike: the password policy, the claim on the handle's own stream
 * (decided before any costly hashing), then the claim and the account's first events appended as one — a rival who
 * claimed the handle meanwhile makes it {@code HandleTaken} (decision 0002).
 */
final class AccountOpening {
    private AccountOpening() {}

    static void requireStrong(Secret password, Handle handle, Optional<EmailAddress> email, CommonPasswords common) {
        PasswordPolicy.check(password, handle, email, common).ifPresent(weakness -> {
            throw new AccountRejected(new WeakPassword(weakness));
        });
    }

    static Decision<HandleState, HandleEvent> claim(EventLog log, Handle handle, AccountId account, boolean reservedAllowed,
                                                    Instant at) {
        return Decision.make(log, AccountStreams.handle(handle), new HandleDecider(), HandleEvent.class,
                new Claim(handle, account, reservedAllowed, at));
    }

    static void open(EventLog log, Decision<HandleState, HandleEvent> claim, AccountId account,
                     List<? extends AccountEvent> events, EventMetadata metadata) {
        var handle = ((HandleEvent.HandleClaimed) claim.events().getFirst()).handle();
        try {
            log.append(List.of(claim.toAppend(), new StreamAppend(AccountStreams.account(account), ExpectedVersion.noStream(), events)),
                    metadata);
        } catch (EventLog.Conflict lostRace) {                       // someone claimed the handle since we read it
            throw new AccountRejected(new HandleTaken(handle));
        }
    }
}
