package dev.scrollback.domain.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.domain.accounts.PasswordPolicy.Weakness;
import dev.scrollback.domain.shared.Handle;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {
    static final Handle ALICE = new Handle("Alice");
    static final Optional<EmailAddress> EMAIL = Optional.of(new EmailAddress("wonderland@example.test"));

    static Optional<Weakness> check(String password) {
        return PasswordPolicy.check(new Secret(password), ALICE, EMAIL);
    }

    @Test
    void a_long_unrelated_password_is_accepted() {
        assertThat(check("correct horse battery staple")).isEmpty();
    }

    @Test
    void twelve_characters_are_enough_and_eleven_are_not() {
        assertThat(check("x".repeat(12))).isEmpty();
        assertThat(check("x".repeat(11))).contains(Weakness.TOO_SHORT);
    }

    @Test
    void length_counts_characters_not_utf16_units() {
        assertThat(check("😀".repeat(12))).isEmpty();
        assertThat(check("😀".repeat(11))).contains(Weakness.TOO_SHORT);      // 22 UTF-16 units, 11 characters
        assertThat(check("😀".repeat(128))).isEmpty();
        assertThat(check("😀".repeat(129))).contains(Weakness.TOO_LONG);
    }

    @Test
    void at_most_128_characters_are_accepted() {
        assertThat(check("x".repeat(128))).isEmpty();
        assertThat(check("x".repeat(129))).contains(Weakness.TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice-is-my-name", "my name is ALICE!", "xxAlIcExxxxx", "ｍｙＡｌｉｃｅpassword"})
    void a_password_containing_the_handle_in_any_case_is_refused(String password) {
        assertThat(check(password)).contains(Weakness.CONTAINS_HANDLE);
    }

    @Test
    void the_handle_is_compared_in_its_folded_form() {
        var handle = new Handle("Straße");
        assertThat(PasswordPolicy.check(new Secret("my STRASSE password"), handle, Optional.empty()))
                .contains(Weakness.CONTAINS_HANDLE);
        assertThat(PasswordPolicy.check(new Secret("my straße password"), handle, Optional.empty()))
                .contains(Weakness.CONTAINS_HANDLE);
    }

    @Test
    void a_password_containing_the_whole_email_is_refused() {
        assertThat(check("x-WONDERLAND@example.TEST-x")).contains(Weakness.CONTAINS_EMAIL);
    }

    @Test
    void a_password_containing_the_local_part_is_refused() {
        assertThat(check("down the Wonderland hole")).contains(Weakness.CONTAINS_EMAIL);
    }

    @Test
    void a_very_short_local_part_does_not_ban_every_password_containing_it() {
        var email = Optional.of(new EmailAddress("jo@example.test"));
        assertThat(PasswordPolicy.check(new Secret("enjoy the journey"), ALICE, email)).isEmpty();
    }

    @Test
    void without_an_email_only_the_handle_matters() {
        assertThat(PasswordPolicy.check(new Secret("down the wonderland hole"), ALICE, Optional.empty())).isEmpty();
    }

    @Test
    void length_is_checked_before_content() {
        assertThat(check("alice")).contains(Weakness.TOO_SHORT);
    }

    @Test
    void every_weakness_explains_itself() {
        for (var weakness : Weakness.values()) assertThat(weakness.explanation()).startsWith("Your password ").endsWith(".");
    }

    static final CommonPasswords LIST = java.util.Set.of("1qaz2wsx3edc4rfv", "correcthorsebatterystaple")::contains;

    @Test
    void a_password_on_the_common_list_is_refused_whatever_its_case() {
        assertThat(PasswordPolicy.check(new Secret("1QAZ2wsx3edc4RFV"), ALICE, EMAIL, LIST)).contains(Weakness.COMMON);
    }

    @Test
    void the_common_list_is_compared_after_nfkc() {
        // full-width letters and digits fold to the listed ASCII password
        assertThat(PasswordPolicy.check(new Secret("\uFF11ｑａｚ２ｗｓｘ３ｅｄｃ４ｒｆｖ"), ALICE, EMAIL, LIST)).contains(Weakness.COMMON);
    }

    @Test
    void a_password_merely_containing_a_common_one_is_accepted() {
        assertThat(PasswordPolicy.check(new Secret("my 1qaz2wsx3edc4rfv plus more"), ALICE, EMAIL, LIST)).isEmpty();
    }

    @Test
    void without_a_list_nothing_counts_as_common() {
        assertThat(check("1qaz2wsx3edc4rfv")).isEmpty();
    }

    @Test
    void the_common_weakness_tells_the_caller_what_to_do() {
        assertThat(Weakness.COMMON.explanation())
                .isEqualTo("Your password is one of the most common passwords; pick something less guessable.");
    }
}
