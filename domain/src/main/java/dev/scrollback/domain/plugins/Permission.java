package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.Collections;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A host capability a plugin asks for in its manifest; the sandbox links only the host functions of granted
 * permissions (SPEC §5). Events store permissions as their {@link Kind}s plus the HTTP hosts, see
 * {@link PluginEvent.PluginSubmitted}.
 */
public sealed interface Permission {
    Kind kind();

    default String wireName() {
        return kind().wireName();
    }

    /** Post messages as the plugin (on boards and in chat), with the plugin as actor. */
    record PostMessage() implements Permission {
        public Kind kind() {
            return Kind.POST_MESSAGE;
        }
    }

    /** Read public facts about a user (handle, roles), never their personal data. */
    record ReadUser() implements Permission {
        public Kind kind() {
            return Kind.READ_USER;
        }
    }

    /** Keep data in the plugin's own key-value store, within {@link PluginLimits#maxKeyValueBytes()}. */
    record KeyValueStorage() implements Permission {
        public Kind kind() {
            return Kind.KV_STORAGE;
        }
    }

    /** Make HTTP requests to these hosts only (at least one); held in name order. */
    record OutboundHttp(Set<HostName> hosts) implements Permission {
        public static final int MAX_HOSTS = 32;

        public OutboundHttp {
            if (hosts == null || hosts.isEmpty()) throw new InvalidValue("http", "needs at least one host");
            if (hosts.size() > MAX_HOSTS) throw new InvalidValue("http", "may name at most " + MAX_HOSTS + " hosts");
            var sorted = new TreeSet<HostName>(Comparator.comparing(HostName::value));
            sorted.addAll(hosts);
            hosts = Collections.unmodifiableSortedSet(sorted);
        }

        public Kind kind() {
            return Kind.HTTP;
        }

        /** Whether a request to {@code host} is allowed. */
        public boolean allows(HostName host) {
            return hosts.stream().anyMatch(h -> h.covers(host));
        }
    }

    /** The kinds of permission; their lower-case names are the wire names. */
    enum Kind {
        POST_MESSAGE, READ_USER, KV_STORAGE, HTTP;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String name) {
            for (var kind : values()) if (kind.wireName().equals(name)) return kind;
            throw new InvalidValue("permission", "is not a known permission; known permissions are post_message, "
                    + "read_user, kv_storage, http");
        }
    }
}
