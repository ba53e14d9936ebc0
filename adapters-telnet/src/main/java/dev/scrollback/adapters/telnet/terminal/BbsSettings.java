package dev.scrollback.adapters.telnet.terminal;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the session engine behaves on any connection (telnet or the web terminal).
 *
 * @param bbsName      shown in the banner
 * @param loginTimeout how long a caller may take, from connecting, to log in (or sign up); then "Login timed out"
 * @param idleTimeout  how long a logged-in caller may go without a key; then "Idle too long"
 * @param clock        for times shown to callers (how long someone has been online)
 */
public record BbsSettings(String bbsName, Duration loginTimeout, Duration idleTimeout, Clock clock) {
    public BbsSettings {
        Objects.requireNonNull(bbsName, "bbsName");
        Objects.requireNonNull(clock, "clock");
        if (bbsName.isBlank() || bbsName.length() > 60 || bbsName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("bbsName must be 1 to 60 printable characters");
        }
        requirePositive(loginTimeout, "loginTimeout");
        requirePositive(idleTimeout, "idleTimeout");
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) throw new IllegalArgumentException(name + " must be positive");
    }
}
