package dev.scrollback.domain.accounts;

import java.util.HashSet;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An account's authenticator: its key, its recovery codes (by position) and which of them are used, and the latest
 * time step whose code was accepted — a code for that step or any earlier one is never accepted again (RFC 6238 §5.2).
 */
public record Totp(TotpSecret secret, RecoveryCodeHashes recoveryCodes, Set<Integer> usedRecoveryCodes, OptionalLong lastAcceptedStep) {
    public Totp {
        usedRecoveryCodes = Set.copyOf(usedRecoveryCodes);
    }

    static Totp enrolled(TotpSecret secret, RecoveryCodeHashes recoveryCodes) {
        return new Totp(secret, recoveryCodes, Set.of(), OptionalLong.empty());
    }

    public int recoveryCodesLeft() {
        return recoveryCodes.hashes().size() - usedRecoveryCodes.size();
    }

    /** The accepted time step, if the code is right and newer than every code accepted before. */
    OptionalLong acceptableStep(SecondFactorCheck typed) {
        var step = typed.totpStep(secret);
        if (step.isEmpty()) return step;
        return lastAcceptedStep.isPresent() && step.getAsLong() <= lastAcceptedStep.getAsLong() ? OptionalLong.empty() : step;
    }

    /** The position of the unused recovery code typed, if it is one. */
    OptionalInt unusedRecoveryCode(SecondFactorCheck typed) {
        var hashes = recoveryCodes.hashes();
        for (int i = 0; i < hashes.size(); i++) {
            if (!usedRecoveryCodes.contains(i) && typed.isRecoveryCode(hashes.get(i))) return OptionalInt.of(i);
        }
        return OptionalInt.empty();
    }

    Totp accepted(long step) {
        return new Totp(secret, recoveryCodes, usedRecoveryCodes, OptionalLong.of(step));
    }

    Totp recoveryCodeUsed(int position) {
        var used = new HashSet<>(usedRecoveryCodes);
        used.add(position);
        return new Totp(secret, recoveryCodes, used, lastAcceptedStep);
    }
}
