package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.MessagePlace;
import dev.scrollback.domain.shared.PluginName;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a plugin did, with the plugin as actor (SPEC §3): stored on stream {@code pluginactions-<name>}, one per plugin
 * name, so that what a plugin did outlives its versions. Recorded when the plugin acted, never by replaying: replay
 * folds these events and runs no plugin. Names are a public contract.
 */
public sealed interface PluginActionEvent extends PluginsEvent {
    PluginName plugin();

    /** The version that acted. */
    PluginId version();

    Instant at();

    /**
     * A {@code filter_message_content} hook refused what {@code author} tried to say at {@code place}, saying why.
     * Nothing was posted; the text is not kept (it was refused).
     */
    record MessageRejected(PluginName plugin, PluginId version, MessagePlace place, AccountId author, Handle authorHandle,
                           String reason, Instant at) implements PluginActionEvent {
        public static final int MAX_REASON = 300;

        public MessageRejected {
            Objects.requireNonNull(place, "place");
            reason = PluginText.sanitized(reason, MAX_REASON);
        }
    }

    /**
     * A {@code filter_message_content} hook changed what {@code author} said at {@code place} before it was posted; the
     * post carries the changed text. The original is not kept.
     */
    record MessageRewritten(PluginName plugin, PluginId version, MessagePlace place, AccountId author, Handle authorHandle,
                            Instant at) implements PluginActionEvent {
        public MessageRewritten {
            Objects.requireNonNull(place, "place");
        }
    }

    /**
     * During one call the plugin wrote its key-value storage: each key set to a value (base64 of its bytes) or deleted
     * (empty). Folding these in order gives the storage a plugin is loaded with.
     */
    record PluginStorageWritten(PluginName plugin, PluginId version, List<StorageWrite> writes, Instant at)
            implements PluginActionEvent {
        public PluginStorageWritten {
            writes = List.copyOf(writes);
            if (writes.isEmpty()) throw new IllegalArgumentException("a storage write writes something");
        }
    }

    /** One key of a {@link PluginStorageWritten}: its new value in base64, or empty when deleted. */
    record StorageWrite(String key, Optional<String> base64) {
        public StorageWrite {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(base64, "base64");
        }
    }
}
