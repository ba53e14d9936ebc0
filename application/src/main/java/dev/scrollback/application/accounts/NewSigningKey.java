package dev.scrollback.application.accounts;

import dev.scrollback.application.accounts.StoredSigningKey.Pkcs8PrivateKey;
import dev.scrollback.application.accounts.StoredSigningKey.X509PublicKey;
import dev.scrollback.domain.accounts.SigningKeyId;
import java.time.Instant;
import java.util.Optional;

/** A key pair just made (or imported), not yet stored. */
public record NewSigningKey(SigningKeyId id, String algorithm, Pkcs8PrivateKey privateKey, X509PublicKey publicKey) {

    public StoredSigningKey stored(long generation, Instant at) {
        return new StoredSigningKey(id, generation, algorithm, at, Optional.empty(), Optional.of(privateKey), publicKey);
    }
}
