package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.AccountCommand.IssueEmailVerification;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.shared.Handle;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/** Makes 6-digit codes, keeps only their hash, and writes the mail that carries them. */
final class VerificationCodes {
    static final Duration VALIDITY = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordHasher hasher;

    VerificationCodes(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    record Issued(String code, IssueEmailVerification command) {}

    Issued issue(Instant at) {
        var code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        return new Issued(code, new IssueEmailVerification(hasher.hash(new Secret(code)), at.plus(VALIDITY), at));
    }

    static boolean wellFormed(String code) {
        return code != null && code.length() == 6 && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    static Mail mail(EmailAddress to, Handle handle, String code) {
        var text = """
                Hello %s,

                your Scrollback verification code is:

                    %s

                Type it at the prompt (telnet) or on the verification page. It is good for 24 hours and works once.
                If you did not sign up, ignore this message.
                """.formatted(handle.value(), code);
        return new Mail(to, "Your Scrollback verification code", text);     // never the code: subjects end up in logs
    }
}
