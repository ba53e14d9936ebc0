package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.TotpSecret;
import dev.scrollback.domain.shared.Handle;
import java.net.URI;
import java.time.Instant;
import java.util.OptionalLong;

/** Out-port: RFC 6238 authenticator codes (HMAC-SHA-1, 6 digits, 30-second steps). */
public interface TotpCodes {
    /** Seconds per time step: a step is {@code epochSecond / STEP_SECONDS}. */
    int STEP_SECONDS = 30;

    /** A fresh random key (160 bits, as RFC 4226 recommends for SHA-1). */
    TotpSecret newSecret();

    /** What an authenticator app scans or is given: {@code otpauth://totp/Scrollback:<handle>?secret=...&issuer=...}. */
    URI otpauthUri(TotpSecret secret, Handle handle);

    /**
     * The time step, within one step either side of {@code at}, whose code {@code code} (six digits) is; empty when
     * it is none of them. Checks the current step first.
     */
    OptionalLong matchingStep(TotpSecret secret, String code, Instant at);
}
