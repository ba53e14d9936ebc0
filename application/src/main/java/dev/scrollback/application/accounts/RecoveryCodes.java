package dev.scrollback.application.accounts;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The single-use recovery codes handed out at TOTP enrolment: ten of ten Base32 characters (50 bits each), shown once
 * as {@code ABCDE-FGHIJ}. Typed back in any case, with or without the dash or spaces; never six digits, so a code
 * typed after the password is told apart from an authenticator code by its shape.
 */
final class RecoveryCodes {
    static final int COUNT = dev.scrollback.domain.accounts.RecoveryCodeHashes.COUNT;
    static final int LENGTH = 10;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {}

    /** Fresh codes, as shown to the caller. */
    static List<String> next() {
        return IntStream.range(0, COUNT).mapToObj(i -> shown(one())).toList();
    }

    private static String one() {
        var code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return code.toString();
    }

    private static String shown(String code) {
        return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
    }

    /** The form that is hashed and compared: upper case, no dash, no spaces. */
    static String normalized(String typed) {
        return typed.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }

    static boolean wellFormed(String normalized) {
        return normalized.length() == LENGTH && normalized.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    static boolean isAuthenticatorCode(String typed) {
        var code = typed.strip();
        return code.length() == 6 && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
