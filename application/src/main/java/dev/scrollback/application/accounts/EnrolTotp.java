package dev.scrollback.application.accounts;

import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.accounts.Secret;
import java.net.URI;
import java.util.List;

/**
 * In-port: turn on TOTP for the caller's own account, confirmed with the current password ({@code TotpEnrolled}).
 * One step: TOTP is on as soon as this answers, so the caller must add the key to an authenticator app (or keep the
 * recovery codes) before logging out. Refuses with {@code WrongPassword} or {@code TotpAlreadyEnabled}.
 */
public interface EnrolTotp {
    Enrolment enrol(Caller caller, Secret password, Origin origin);

    /**
     * Shown once, never again: the URI an authenticator app takes (as a QR code or pasted), the key alone for apps
     * that want it typed, and ten single-use recovery codes.
     */
    record Enrolment(URI otpauthUri, String secret, List<String> recoveryCodes) {
        public Enrolment {
            recoveryCodes = List.copyOf(recoveryCodes);
        }

        @Override
        public String toString() {
            return "Enrolment[***]";
        }
    }
}
