package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.SigningKeyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The signing key store in memory, for tests: one instance shared by several "instances" is a shared database. */
public final class InMemorySigningKeyStore implements SigningKeyStore {
    private final List<StoredSigningKey> keys = new ArrayList<>();

    @Override
    public synchronized List<StoredSigningKey> keys() {
        return keys.stream().sorted(Comparator.comparingLong(StoredSigningKey::generation)).toList();
    }

    @Override
    public synchronized boolean add(StoredSigningKey key) {
        if (keys.stream().anyMatch(k -> k.generation() == key.generation() || k.id().equals(key.id()))) return false;
        keys.add(key);
        return true;
    }

    @Override
    public synchronized boolean retire(SigningKeyId key, Instant at) {
        for (int i = 0; i < keys.size(); i++) {
            var k = keys.get(i);
            if (k.id().equals(key) && !k.isRetired()) {
                keys.set(i, new StoredSigningKey(k.id(), k.generation(), k.algorithm(), k.createdAt(), Optional.of(at),
                        Optional.empty(), k.publicKey()));
                return true;
            }
        }
        return false;
    }
}
