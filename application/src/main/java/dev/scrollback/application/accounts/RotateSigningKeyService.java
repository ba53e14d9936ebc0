package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.Role;
import jakarta.inject.Inject;
import jakarta.inject.Named;

@Named
final class RotateSigningKeyService implements RotateSigningKey {
    private final SigningKeyRotation rotation;

    @Inject
    RotateSigningKeyService(SigningKeyRotation rotation) {
        this.rotation = rotation;
    }

    @Override
    public Outcome rotate(Caller sysop, Origin origin) {
        AccessDenied.unlessAny(sysop, Role.SYSOP);                  // checked here, whatever the adapter did
        var rotated = rotation.rotateNow(sysop.actor(), origin);
        return new Outcome(rotated.key(), rotated.previous());
    }
}
