package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.shared.Handle;
import java.security.SecureRandom;
import java.time.Instant;

/** Makes the 8-digit single-use codes that let an owner into a locked account, and the mail that carries them. */
final class UnlockCodes {
    static final int DIGITS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private UnlockCodes() {}

    static String next() {
        return "%08d".formatted(RANDOM.nextInt(100_000_000));
    }

    static Mail mail(EmailAddress to, Handle handle, String code, Instant until) {
        var text = """
                Hello %s,

                your Scrollback account was locked after %d wrong passwords in a row. The lock ends at %s (UTC).

                If that was you, you need not wait: log in with your password and this unlock code:

                    %s

                Telnet asks for the code after the password; on the web send it as "unlockCode" with your handle and
                password to POST /api/v1/sessions. The code works once, until the lock ends.

                If it was not you, someone is guessing your password. They cannot get in without this mail; a long,
                unusual password keeps it that way.
                """.formatted(handle.value(), dev.scrollback.domain.accounts.LoginAttempts.LOCK_AT, until, code);
        return new Mail(to, "Your Scrollback account is locked", text);     // never the code in the subject
    }
}
