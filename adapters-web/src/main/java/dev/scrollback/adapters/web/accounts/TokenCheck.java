package dev.scrollback.adapters.web.accounts;

/** What checking a token found. Expired is told apart so that clients know to refresh rather than log in again. */
public sealed interface TokenCheck {
    record Valid(SessionToken token) implements TokenCheck {}

    record Expired() implements TokenCheck {}

    /** Bad signature, wrong issuer or type, garbage: nothing more is said. */
    record Invalid() implements TokenCheck {}
}
