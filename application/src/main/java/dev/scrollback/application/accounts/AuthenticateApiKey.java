package dev.scrollback.application.accounts;

/**
 * In-port: turn a presented API key into a {@link Caller}, read fresh from the key's stream and its account's stream (so
 * a key works the moment it was issued and stops the moment it was revoked). Why a key is refused is said only to
 * someone who holds the right key; a wrong or unknown key is just {@link Check.Unknown}.
 */
public interface AuthenticateApiKey {
    Check authenticate(PlainApiKey key);

    sealed interface Check {
        record Valid(Caller caller) implements Check {}

        /** Malformed, never issued, wrong secret, or no account behind it. */
        record Unknown() implements Check {}

        record Revoked() implements Check {}

        record Expired() implements Check {}

        /** A sysop locked the account or requires a new password: its keys work again once that is over. */
        record AccountCannotAct() implements Check {}
    }
}
