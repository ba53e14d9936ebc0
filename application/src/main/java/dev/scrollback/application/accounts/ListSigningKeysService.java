package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.Role;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

@Named
final class ListSigningKeysService implements ListSigningKeys {
    private final SigningKeyRotation rotation;
    private final Clock clock;

    @Inject
    ListSigningKeysService(SigningKeyRotation rotation, Clock clock) {
        this.rotation = rotation;
        this.clock = clock;
    }

    @Override
    public List<Listed> list(Caller sysop) {
        AccessDenied.unlessAny(sysop, Role.SYSOP);
        var ring = rotation.ring();
        var now = clock.instant();
        var verifyFor = rotation.policy().verifyFor();
        return ring.keys().stream().map(key -> {
            var state = ring.stateAt(key, now, verifyFor);
            return new Listed(key.id(), key.algorithm(), key.createdAt(), state,
                    state == SigningKeyRing.State.VERIFYING ? ring.verifiesUntil(key, verifyFor) : Optional.empty(),
                    key.retiredAt());
        }).toList();
    }
}
