package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.SigningKeyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * In-port: a sysop sees the token signing keys, oldest first, with their state; never their private halves. Only
 * sysops may ({@link AccessDenied} otherwise).
 */
public interface ListSigningKeys {
    List<Listed> list(Caller sysop);

    /** {@code verifiesUntil} is set while the key verifies but no longer signs. */
    record Listed(SigningKeyId key, String algorithm, Instant createdAt, SigningKeyRing.State state,
                  Optional<Instant> verifiesUntil, Optional<Instant> retiredAt) {}
}
