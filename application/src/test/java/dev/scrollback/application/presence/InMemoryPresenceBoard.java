package dev.scrollback.application.presence;

import dev.scrollback.application.shared.Presence;
import dev.scrollback.domain.shared.SessionId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What several instances publish, in memory, as Redis holds it for {@link SharedPresence}: each instance's last
 * published sessions and whether it is still alive. A session is lost when the log holds it open, no live instance
 * serves it, and a dead one did (this model leaves out the grace for sessions nobody has published yet).
 */
final class InMemoryPresenceBoard {
    private final Map<String, List<Presence>> published = new ConcurrentHashMap<>();
    private final Set<String> dead = ConcurrentHashMap.newKeySet();

    SharedPresence instance(String name) {
        return new SharedPresence() {
            @Override
            public void publish(Collection<Presence> local) {
                published.put(name, List.copyOf(local));
            }

            @Override
            public Map<SessionId, Presence> others() {
                var others = new HashMap<SessionId, Presence>();
                published.forEach((instance, sessions) -> {
                    if (!instance.equals(name) && !dead.contains(instance)) sessions.forEach(p -> others.put(p.session(), p));
                });
                return others;
            }

            @Override
            public Set<SessionId> lost(Collection<SessionId> open) {
                var served = new HashSet<SessionId>();
                var servedByDead = new HashSet<SessionId>();
                published.forEach((instance, sessions) -> (dead.contains(instance) && !instance.equals(name) ? servedByDead : served)
                        .addAll(sessions.stream().map(Presence::session).toList()));
                return open.stream().filter(s -> !served.contains(s) && servedByDead.contains(s)).collect(Collectors.toSet());
            }
        };
    }

    void die(String name) {
        dead.add(name);
    }

    List<Presence> publishedBy(String name) {
        return published.getOrDefault(name, List.of());
    }
}
