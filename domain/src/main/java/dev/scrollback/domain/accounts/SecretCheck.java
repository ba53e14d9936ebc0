package dev.scrollback.domain.accounts;

/** How a decider asks "does what the caller typed match this hash?" without knowing how hashing works. */
@FunctionalInterface
public interface SecretCheck {
    boolean matches(PasswordHash stored);
}
