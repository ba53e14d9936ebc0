package dev.scrollback.adapters.crypto.accounts;

import com.eatthepath.otp.HmacOneTimePasswordGenerator;
import dev.scrollback.application.accounts.TotpCodes;
import dev.scrollback.domain.accounts.TotpSecret;
import dev.scrollback.domain.shared.Handle;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 with the parameters every authenticator app defaults to (HMAC-SHA-1, 6 digits, 30 s), computed by
 * java-otp's RFC 4226 generator on the time step as counter. Accepts one step either side of now for clock drift;
 * refusing a code already used is the account's business (its state knows the last accepted step), not this class's.
 */
public final class JavaOtpTotpCodes implements TotpCodes {
    static final String ISSUER = "Scrollback";
    static final int DIGITS = 6;
    static final int KEY_BYTES = 20;
    private static final String HMAC = "HmacSHA1";

    private final SecureRandom random = new SecureRandom();
    private final HmacOneTimePasswordGenerator generator = new HmacOneTimePasswordGenerator(DIGITS);

    @Override
    public TotpSecret newSecret() {
        var key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return new TotpSecret(Base32.encode(key));
    }

    @Override
    public URI otpauthUri(TotpSecret secret, Handle handle) {
        var label = encode(ISSUER + ":" + handle.value());
        return URI.create("otpauth://totp/" + label + "?secret=" + secret.base32() + "&issuer=" + encode(ISSUER)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS);
    }

    @Override
    public OptionalLong matchingStep(TotpSecret secret, String code, Instant at) {
        if (code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) return OptionalLong.empty();
        var key = new SecretKeySpec(Base32.decode(secret.base32()), HMAC);
        long now = Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
        var typed = code.getBytes(StandardCharsets.US_ASCII);
        for (long step : new long[] {now, now - 1, now + 1}) {
            // Constant-time compare: the time a wrong code takes says nothing about how near it was.
            if (MessageDigest.isEqual(typed, codeOf(key, step).getBytes(StandardCharsets.US_ASCII))) return OptionalLong.of(step);
        }
        return OptionalLong.empty();
    }

    /** The code of one time step, zero-padded to six digits. */
    synchronized String codeOf(SecretKeySpec key, long step) {         // one generator, one Mac: not shared at once
        try {
            return "%06d".formatted(generator.generateOneTimePassword(key, step));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("an HMAC-SHA-1 key of any length is valid", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
