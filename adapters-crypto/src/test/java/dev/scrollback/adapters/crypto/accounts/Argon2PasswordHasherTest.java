package dev.scrollback.adapters.crypto.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.accounts.Secret;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2PasswordHasherTest {
    static final Argon2PasswordHasher HASHER = new Argon2PasswordHasher(Argon2Cost.recommended());
    static final Secret PASSWORD = new Secret("correct horse battery staple");

    /** Made by the reference implementation (Debian package argon2, 0~20171227): {@code echo -n "correct horse battery
     *  staple" | argon2 "scrollback-salt!" -id -t 3 -k 19456 -p 1 -l 32 -e}. */
    static final PasswordHash REFERENCE_RECOMMENDED =
            new PasswordHash("$argon2id$v=19$m=19456,t=3,p=1$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs");
    /** {@code echo -n "pässwörd ✓" | argon2 "0123456789abcdef" -id -t 2 -k 4096 -p 2 -l 32 -e} (UTF-8, two lanes). */
    static final PasswordHash REFERENCE_TWO_LANES =
            new PasswordHash("$argon2id$v=19$m=4096,t=2,p=2$MDEyMzQ1Njc4OWFiY2RlZg$P/JD1oTGCwihlRf/A1OlW/onA/Zk1j6ls4MGdF3tnjE");

    @Test
    void a_hashed_password_matches_itself() {
        assertThat(HASHER.matches(PASSWORD, HASHER.hash(PASSWORD))).isTrue();
    }

    @Test
    void a_wrong_password_does_not_match() {
        var hash = HASHER.hash(PASSWORD);
        assertThat(HASHER.matches(new Secret("correct horse battery stapler"), hash)).isFalse();
        assertThat(HASHER.matches(new Secret("Correct horse battery staple"), hash)).isFalse();
    }

    @Test
    void two_hashes_of_one_password_differ_by_their_salt() {
        var first = HASHER.hash(PASSWORD).value();
        var second = HASHER.hash(PASSWORD).value();
        assertThat(first).isNotEqualTo(second);
        assertThat(first.split("\\$")[4]).isNotEqualTo(second.split("\\$")[4]);
    }

    @Test
    void a_hash_is_a_phc_string_with_a_16_byte_salt_and_a_32_byte_tag() {
        var hash = HASHER.hash(PASSWORD).value();

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=3,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        var parts = hash.split("\\$");
        assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
    }

    @Test
    void hashes_made_by_the_reference_implementation_match() {
        assertThat(HASHER.matches(PASSWORD, REFERENCE_RECOMMENDED)).isTrue();
        assertThat(HASHER.matches(new Secret("pässwörd ✓"), REFERENCE_TWO_LANES)).isTrue();
        assertThat(HASHER.matches(new Secret("passwörd ✓"), REFERENCE_TWO_LANES)).isFalse();
    }

    @Test
    void a_decomposed_accent_matches_the_composed_one() {
        var composed = new Secret("pässwörd ✓");
        var decomposed = new Secret("pa\u0308sswo\u0308rd ✓");
        assertThat(decomposed.value()).isNotEqualTo(composed.value());

        assertThat(HASHER.matches(decomposed, REFERENCE_TWO_LANES)).isTrue();
    }

    @Test
    void a_tag_or_salt_off_by_one_bit_fails() {
        var value = REFERENCE_RECOMMENDED.value();                 // ...$c2Nyb2xs...$AzgHBQin...
        assertThat(HASHER.matches(PASSWORD, new PasswordHash(value.replace("$AzgHBQin", "$AzgHBQim")))).isFalse();
        assertThat(HASHER.matches(PASSWORD, new PasswordHash(value.replace("$c2Nyb2xs", "$c2Nyb2xt")))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "garbage",
            "$",
            "$$$$$",
            "$argon2id$",
            "$argon2id$v=19$m=19456,t=3,p=1$c2Nyb2xsYmFjay1zYWx0IQ",                                  // truncated
            "$argon2id$v=19$m=19456,t=3,p=1$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gN",
            "$argon2id$v=19$m=19456,t=3,p=1$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs$",
            "$argon2id$v=19$m=19456,t=3,p=1$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNt",   // tail bits set
            "$argon2id$v=19$m=99999999,t=3,p=1$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs", // 95 GiB
            "$argon2id$v=19$m=2147483648,t=3,p=1$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs",
            "$argon2id$v=19$m=1048577,t=3,p=1$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs",  // 1 GiB + 1 KiB
            "$argon2id$v=19$m=19456,t=21,p=1$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs",
            "$argon2id$v=19$m=19456,t=999,p=1$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs",
            "$argon2id$v=19$m=19456,t=0,p=1$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs",
            "$argon2id$v=19$m=19456,t=3,p=17$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs",
            "$argon2id$v=19$m=19456,t=3,p=0$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs",
            "$argon2id$v=19$m=7,t=3,p=1$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs",       // below 8 KiB per lane
            "$argon2id$v=19$m=-19456,t=3,p=1$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs",
            "$argon2id$v=19$m=19456,t=3,p=1$c2Nyb2xsYmFjay1zYWx0I$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs",    // 4n+1 chars
            "$argon2id$v=19$m=19456,t=3,p=1$c2Nyb2xsYmFjay1zYWx0IQ==$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs", // padded
            "$argon2id$v=19$m=19456,t=3,p=1$c2Nyb2xs-mFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs",   // base64url
            "$argon2id$v=19$m=19456,t=3,p=1$c2FsdA$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs",                  // 4-byte salt
            "$argon2id$v=19$m=19456,t=3,p=1$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrg",                            // 12-byte tag
            "$argon2id$v=16$m=19456,t=3,p=1$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs",   // version 0x10
            "$argon2id$m=19456,t=3,p=1$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs",        // no version
            "$argon2id$v=19$t=3,m=19456,p=1$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs",
            "$argon2id$v=19$m=19456,t=3,p=1,keyid=abc$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs",
            "$argon2i$v=19$m=19456,t=3,p=1$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs",
            "$argon2d$v=19$m=19456,t=3,p=1$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs",
            "$ARGON2ID$v=19$m=19456,t=3,p=1$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs",
            " $argon2id$v=19$m=19456,t=3,p=1$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs",
            "$argon2id$v=19$m=19456,t=3,p=1$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs\n",
            "$argon2id$v=19$m=١٩٤٥٦,t=3,p=1$c2Nyb2xsYmFjay1zYWx0IQ$AzgHBQinLRcIfPrgL4m6+4eokCCvo7Q8sCoLmq55gNs",  // Arabic digits
            "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",                                       // bcrypt
            "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
            "{bcrypt}$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
            "$pbkdf2-sha256$29000$N2ZMbXXYz5ZTcGylrLX2Ng$6xzIyJxh8ZEDy8XbiP0A6/8aWzQB6fKJ7XtBTyEbPNY",
            "$scrypt$ln=16,r=8,p=1$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4CbdRSCdEBsjjJxD+iCs5E",
            "argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
    })
    void anything_but_a_bounded_argon2id_phc_string_is_no_match_and_no_error(String hostile) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {      // a hang guard, not a speed requirement
            assertThat(HASHER.matches(PASSWORD, new PasswordHash(hostile))).isFalse();
            assertThat(HASHER.needsRehash(new PasswordHash(hostile))).isTrue();
        });
    }

    @Test
    void a_very_long_garbled_hash_is_no_match() {
        var longest = "$argon2id$v=19$m=19456,t=3,p=1$" + "A".repeat(240) + "$" + "B".repeat(240);
        assertThat(HASHER.matches(PASSWORD, new PasswordHash(longest))).isFalse();
    }

    @Test
    void a_hash_made_with_weaker_settings_needs_rehashing() {
        assertThat(HASHER.needsRehash(REFERENCE_TWO_LANES)).isTrue();              // m = 4 MiB, t = 2
        assertThat(HASHER.needsRehash(REFERENCE_RECOMMENDED)).isFalse();
        assertThat(HASHER.needsRehash(HASHER.hash(PASSWORD))).isFalse();
    }

    @Test
    void a_hash_made_with_stronger_settings_still_matches_and_needs_no_rehash() {
        var stronger = new Argon2PasswordHasher(new Argon2Cost(24 * 1024, 4, 1));
        var hash = stronger.hash(PASSWORD);

        assertThat(HASHER.matches(PASSWORD, hash)).isTrue();
        assertThat(HASHER.needsRehash(hash)).isFalse();
        assertThat(stronger.needsRehash(HASHER.hash(PASSWORD))).isTrue();
    }

    @Test
    void settings_weaker_than_owasps_minimum_are_refused() {
        assertThatThrownBy(() -> new Argon2PasswordHasher(new Argon2Cost(4096, 3, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OWASP");
        assertThatThrownBy(() -> new Argon2PasswordHasher(Argon2Cost.recommended(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void many_callers_at_once_all_get_correct_answers() throws Exception {
        var hasher = new Argon2PasswordHasher(Argon2Cost.recommended(), 2);
        var hash = hasher.hash(PASSWORD);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var right = IntStream.range(0, 4)
                    .mapToObj(i -> threads.submit(() -> hasher.matches(PASSWORD, hash))).toList();
            var wrong = IntStream.range(0, 4)
                    .mapToObj(i -> threads.submit(() -> hasher.matches(new Secret("nope " + i), hash))).toList();
            for (var answer : right) assertThat(answer.get()).isTrue();
            for (var answer : wrong) assertThat(answer.get()).isFalse();
        }
    }
}
