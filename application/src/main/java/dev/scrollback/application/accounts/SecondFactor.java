package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.accounts.Secret;
import dev.scrollback.domain.accounts.SecondFactorCheck;
import dev.scrollback.domain.accounts.TotpSecret;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * What a caller typed after the password, checked the way its shape says: six digits against the authenticator, a
 * recovery code against the stored hashes (each an Argon2 run, so only well-formed ones are hashed at all).
 */
record SecondFactor(Secret typed, TotpCodes codes, PasswordHasher hasher, Instant at) implements SecondFactorCheck {
    @Override
    public OptionalLong totpStep(TotpSecret secret) {
        if (!RecoveryCodes.isAuthenticatorCode(typed.value())) return OptionalLong.empty();
        return codes.matchingStep(secret, typed.value().strip(), at);
    }

    @Override
    public boolean isRecoveryCode(PasswordHash stored) {
        var normalized = RecoveryCodes.normalized(typed.value());
        return RecoveryCodes.wellFormed(normalized) && hasher.matches(new Secret(normalized), stored);
    }
}
