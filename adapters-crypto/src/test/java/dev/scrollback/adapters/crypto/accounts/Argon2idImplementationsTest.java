package dev.scrollback.adapters.crypto.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.accounts.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Native libargon2 and Bouncy Castle are one function: same tags, so each verifies the other's hashes (decision 0014). */
class Argon2idImplementationsTest {
    static final NativeArgon2id NATIVE = new NativeArgon2id();
    static final BouncyCastleArgon2id BOUNCY_CASTLE = new BouncyCastleArgon2id();
    static final Secret PASSWORD = Argon2PasswordHasherTest.PASSWORD;

    /** {@code echo -n "pässwörd ✓" | argon2 "0123456789abcdef" -id -t 3 -k 19456 -p 1 -l 64 -e}: a 64-byte tag. */
    static final PasswordHash REFERENCE_LONG_TAG = new PasswordHash("$argon2id$v=19$m=19456,t=3,p=1$MDEyMzQ1Njc4OWFiY2RlZg"
            + "$Cj+0AJYBmUAr4BI5aIOIYlGgSr41pTDTW6jxAZqM+Bjw5fdRz2y4VtoPukpU2zM5YgfrjGhC+YvXcWnhsACeLg");

    static Stream<Argon2idFunction> both() {
        return Stream.of(NATIVE, BOUNCY_CASTLE);
    }

    static Argon2PasswordHasher hasherWith(Argon2idFunction function) {
        return new Argon2PasswordHasher(Argon2Cost.recommended(), 1, function);
    }

    @ParameterizedTest
    @MethodSource("both")
    void each_gives_the_reference_implementations_answers(Argon2idFunction function) {
        var hasher = hasherWith(function);

        assertThat(Argon2idChoice.givesTheKnownAnswer(function)).isTrue();
        assertThat(hasher.matches(PASSWORD, Argon2PasswordHasherTest.REFERENCE_RECOMMENDED)).isTrue();
        assertThat(hasher.matches(new Secret("pässwörd ✓"), Argon2PasswordHasherTest.REFERENCE_TWO_LANES)).isTrue();
        assertThat(hasher.matches(new Secret("pa\u0308sswo\u0308rd ✓"), REFERENCE_LONG_TAG)).isTrue();   // NFC first
        assertThat(hasher.matches(new Secret("pässwörd ✗"), REFERENCE_LONG_TAG)).isFalse();
    }

    @Test
    void both_give_the_same_tags_for_fixed_salts() {
        var salt = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        for (var password : List.of("x", "correct horse battery staple", "pässwörd ✓", "x".repeat(300))) {
            for (var tagLength : List.of(16, 32, 64)) {
                var bytes = password.getBytes(StandardCharsets.UTF_8);
                assertThat(NATIVE.derive(bytes, salt, Argon2Cost.recommended(), tagLength))
                        .as("%s, %d bytes", password, tagLength)
                        .isEqualTo(BOUNCY_CASTLE.derive(bytes, salt, Argon2Cost.recommended(), tagLength));
            }
        }
        var twoLanes = new Argon2Cost(4096, 2, 2);
        var bytes = "two lanes".getBytes(StandardCharsets.UTF_8);
        assertThat(NATIVE.derive(bytes, salt, twoLanes, 32)).isEqualTo(BOUNCY_CASTLE.derive(bytes, salt, twoLanes, 32));
    }

    @Test
    void a_hash_made_natively_verifies_with_bouncy_castle() {
        var hash = hasherWith(NATIVE).hash(PASSWORD);

        assertThat(hasherWith(BOUNCY_CASTLE).matches(PASSWORD, hash)).isTrue();
        assertThat(hasherWith(BOUNCY_CASTLE).matches(new Secret("correct horse battery stapler"), hash)).isFalse();
    }

    @Test
    void a_hash_made_by_bouncy_castle_verifies_natively() {
        var hash = hasherWith(BOUNCY_CASTLE).hash(PASSWORD);

        assertThat(hasherWith(NATIVE).matches(PASSWORD, hash)).isTrue();
        assertThat(hasherWith(NATIVE).matches(new Secret("correct horse battery stapler"), hash)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("both")
    void the_password_bytes_are_wiped_after_each_hash(Argon2idFunction function) {
        var seen = new ArrayList<byte[]>();
        Argon2idFunction watched = new Argon2idFunction() {          // the real function, keeping what it was handed
            @Override
            public byte[] derive(byte[] password, byte[] salt, Argon2Cost cost, int tagLength) {
                seen.add(password);
                var tag = function.derive(password, salt, cost, tagLength);
                assertThat(password).as("the implementation leaves the password as given").isNotEqualTo(new byte[password.length]);
                return tag;
            }

            @Override
            public String description() {
                return function.description();
            }
        };
        var hasher = hasherWith(watched);

        assertThat(hasher.matches(PASSWORD, hasher.hash(PASSWORD))).isTrue();

        assertThat(seen).hasSize(2).allSatisfy(password -> assertThat(password).containsOnly(0));
    }

    @Test
    void the_hasher_says_which_implementation_it_uses() {
        assertThat(hasherWith(BOUNCY_CASTLE).implementation()).contains("Bouncy Castle");
        assertThat(hasherWith(NATIVE).implementation()).contains("libargon2");
    }
}
