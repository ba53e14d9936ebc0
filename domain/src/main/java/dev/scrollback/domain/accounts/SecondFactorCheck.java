package dev.scrollback.domain.accounts;

import java.util.OptionalLong;

/**
 * What the caller typed after the password: an authenticator code or a recovery code. The domain asks, without
 * knowing how codes are computed or hashed; it decides itself whether a time step was used before.
 */
public interface SecondFactorCheck {
    /** The RFC 6238 time step (within ±1 of now) whose code was typed, if it is a right authenticator code. */
    OptionalLong totpStep(TotpSecret secret);

    /** Whether it is the recovery code behind this hash. */
    boolean isRecoveryCode(PasswordHash stored);
}
