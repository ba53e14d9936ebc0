package dev.scrollback.domain.accounts;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.List;

/** The hashes of the single-use recovery codes handed out at TOTP enrolment, in the order they were shown. */
public record RecoveryCodeHashes(List<PasswordHash> hashes) implements StoredSecret {
    public static final int COUNT = 10;

    public RecoveryCodeHashes {
        hashes = List.copyOf(hashes);
        if (hashes.isEmpty() || hashes.size() > COUNT) throw new InvalidValue("recoveryCodes", "must be 1 to " + COUNT);
    }

    @Override
    public String toString() {
        return "RecoveryCodeHashes[" + hashes.size() + " × ***]";
    }
}
