package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.SigningKeyId;
import java.util.Optional;

/**
 * In-port: a sysop has a new token signing key made at once ({@code SigningKeyRotated}, reason on demand, the sysop as
 * actor), e.g. after a suspected leak. Tokens the old key signed keep working until they expire. Only sysops may
 * ({@link AccessDenied} otherwise).
 */
public interface RotateSigningKey {
    Outcome rotate(Caller sysop, Origin origin);

    record Outcome(SigningKeyId key, Optional<SigningKeyId> previous) {}
}
