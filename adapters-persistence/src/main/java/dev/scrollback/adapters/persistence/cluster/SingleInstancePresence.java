package dev.scrollback.adapters.persistence.cluster;

import dev.scrollback.application.shared.Presence;
import dev.scrollback.application.presence.SharedPresence;
import dev.scrollback.domain.shared.SessionId;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The embedded default (SPEC §4: in-memory presence, no Redis): this instance is the only one, so there is nobody to
 * tell, no other instance's presence to show, and no instance that could be lost while this one runs — sessions a
 * previous run left open are ended at start-up instead.
 */
public final class SingleInstancePresence implements SharedPresence {
    @Override
    public void publish(Collection<Presence> local) {
        // nobody else to tell
    }

    @Override
    public Map<SessionId, Presence> others() {
        return Map.of();
    }

    @Override
    public Set<SessionId> lost(Collection<SessionId> open) {
        return Set.of();
    }
}
