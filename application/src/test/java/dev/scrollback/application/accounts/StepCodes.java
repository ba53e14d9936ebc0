package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.TotpSecret;
import dev.scrollback.domain.shared.Handle;
import java.net.URI;
import java.time.Instant;
import java.util.OptionalLong;

/** An obviously fake {@link TotpCodes}: the code of time step n is n's last six digits, whatever the key. */
final class StepCodes implements TotpCodes {
    static final TotpSecret SECRET = new TotpSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");

    static String codeAt(Instant at) {
        return codeOf(at.getEpochSecond() / STEP_SECONDS);
    }

    static String codeOf(long step) {
        return "%06d".formatted(step % 1_000_000);
    }

    @Override
    public TotpSecret newSecret() {
        return SECRET;
    }

    @Override
    public URI otpauthUri(TotpSecret secret, Handle handle) {
        return URI.create("otpauth://totp/Scrollback:" + handle.value() + "?secret=" + secret.base32());
    }

    @Override
    public OptionalLong matchingStep(TotpSecret secret, String code, Instant at) {
        long now = at.getEpochSecond() / STEP_SECONDS;
        for (long step : new long[] {now, now - 1, now + 1}) {
            if (codeOf(step).equals(code)) return OptionalLong.of(step);
        }
        return OptionalLong.empty();
    }
}
