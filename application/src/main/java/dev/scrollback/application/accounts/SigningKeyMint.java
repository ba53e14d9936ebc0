package dev.scrollback.application.accounts;

/** Out-port: makes a fresh key pair for the algorithm tokens are signed with (the web adapter knows which). */
@FunctionalInterface
public interface SigningKeyMint {
    NewSigningKey mint();
}
