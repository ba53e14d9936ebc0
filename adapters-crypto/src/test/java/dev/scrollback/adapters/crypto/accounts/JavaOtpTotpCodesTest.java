package dev.scrollback.adapters.crypto.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.domain.accounts.TotpSecret;
import dev.scrollback.domain.shared.Handle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 Appendix B (SHA-1) through the adapter, the ±1 step window, the URI, and hostile codes. */
class JavaOtpTotpCodesTest {
    /** The RFC's SHA-1 seed, the ASCII string "12345678901234567890", in Base32. */
    static final TotpSecret RFC_SEED = new TotpSecret(Base32.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII)));

    final JavaOtpTotpCodes codes = new JavaOtpTotpCodes();

    /** The RFC lists 8-digit codes; 6-digit codes are the same number's last six digits. */
    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void the_rfc_6238_test_vectors_match(long time, String eightDigits) {
        var at = Instant.ofEpochSecond(time);
        assertThat(codes.matchingStep(RFC_SEED, eightDigits.substring(2), at)).hasValue(time / 30);
    }

    @Test
    void the_seed_is_the_rfc_seed() {
        assertThat(RFC_SEED.base32()).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Base32.decode(RFC_SEED.base32())).isEqualTo("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void one_step_either_side_is_accepted_two_are_not() {
        var made = Instant.ofEpochSecond(1111111109);              // step 37037036, code 081804
        long step = 1111111109 / 30;
        assertThat(codes.matchingStep(RFC_SEED, "081804", made.plusSeconds(30))).hasValue(step);
        assertThat(codes.matchingStep(RFC_SEED, "081804", made.minusSeconds(30))).hasValue(step);
        assertThat(codes.matchingStep(RFC_SEED, "081804", made.plusSeconds(60))).isEmpty();
        assertThat(codes.matchingStep(RFC_SEED, "081804", made.minusSeconds(60))).isEmpty();
    }

    @Test
    void hostile_codes_match_nothing() {
        var at = Instant.ofEpochSecond(59);
        for (var hostile : new String[] {"", "28708", "2870822", "94287082", "28708a", "-28708", "２８７０８２", " 287082", "x".repeat(10_000)}) {
            assertThat(codes.matchingStep(RFC_SEED, hostile, at)).as(hostile.length() > 20 ? "long" : hostile).isEmpty();
        }
    }

    @Test
    void fresh_secrets_are_160_random_bits() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 20; i++) {
            var secret = codes.newSecret();
            assertThat(Base32.decode(secret.base32())).hasSize(20);
            seen.add(secret.base32());
        }
        assertThat(seen).hasSize(20);
    }

    @Test
    void the_otpauth_uri_names_issuer_handle_and_parameters() {
        var uri = codes.otpauthUri(RFC_SEED, new Handle("Alice"));
        assertThat(uri.toString()).isEqualTo("otpauth://totp/Scrollback%3AAlice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=Scrollback&algorithm=SHA1&digits=6&period=30");
    }
}
