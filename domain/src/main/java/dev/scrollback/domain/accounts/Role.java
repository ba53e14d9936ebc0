package dev.scrollback.domain.accounts;

/** What an account may do beyond what every verified member may (SPEC §5). */
public enum Role {
    SYSOP, MODERATOR, AUDITOR, MEMBER, GUEST;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The role with this wire name ({@code sysop}, ...), matched exactly; anything else is empty. */
    public static java.util.Optional<Role> ofWireName(String name) {
        for (Role role : values()) if (role.wireName().equals(name)) return java.util.Optional.of(role);
        return java.util.Optional.empty();
    }
}
