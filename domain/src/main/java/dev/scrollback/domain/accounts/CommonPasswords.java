package dev.scrollback.domain.accounts;

/**
 * The breached-password list the policy consults (SPEC §5). The domain does no I/O, so the application loads the list
 * and hands it in; it is asked about text already folded by {@link PasswordPolicy#fold(String)}.
 */
@FunctionalInterface
public interface CommonPasswords {
    boolean contains(String folded);

    /** No list at all: for tests and callers that check only length and personal data. */
    static CommonPasswords none() {
        return folded -> false;
    }
}
