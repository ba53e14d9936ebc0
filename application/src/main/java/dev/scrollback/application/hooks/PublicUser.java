package dev.scrollback.application.hooks;

import dev.scrollback.domain.shared.Handle;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A user's public facts: their handle, their roles (by wire name, in name order) and since when they are a caller. */
public record PublicUser(Handle handle, List<String> roles, Instant memberSince) {
    public PublicUser {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(memberSince, "memberSince");
        roles = roles.stream().sorted().toList();
    }
}
