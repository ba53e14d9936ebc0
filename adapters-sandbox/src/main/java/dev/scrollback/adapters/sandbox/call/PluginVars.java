package dev.scrollback.adapters.sandbox.call;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A plugin's key-value storage ({@code var_get}/{@code var_set}): kept across calls, like the Extism runtime's vars,
 * and bounded by the sum of key and value bytes. Held in memory; every write is also noted until {@link #takeWrites}
 * hands it to the host, which records it (the log is the storage's record, and what a plugin starts with on load).
 * Both engines keep theirs here: a module's {@code var_get}/{@code var_set}, a script's {@code storage}.
 */
public final class PluginVars {
    /** A write past the limit: the engine ends the call as a STORAGE_FULL fault, the storage as it was. */
    public static final class Full extends RuntimeException {
        Full(String message) {
            super(message, null, false, false);
        }
    }

    private final int maxBytes;
    private final Map<String, byte[]> values = new HashMap<>();
    private final Map<String, Optional<byte[]>> writes = new LinkedHashMap<>();   // guarded by this
    private long usedBytes;

    public PluginVars(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Storage restored from the record. More than the limit allows (the limit was lowered since) is refused: the plugin
     * would fault on its first write.
     */
    public PluginVars(int maxBytes, Map<String, byte[]> initial) {
        this(maxBytes);
        for (var entry : initial.entrySet()) {
            long after = usedBytes + entry.getKey().getBytes(StandardCharsets.UTF_8).length + entry.getValue().length;
            if (after > maxBytes) {
                throw new IllegalArgumentException("the stored key-value storage holds more than the limit of " + maxBytes + " bytes");
            }
            values.put(entry.getKey(), entry.getValue().clone());
            usedBytes = after;
        }
    }

    /** The writes since the last take, the latest per key, in the order keys were first written; then forgets them. */
    public synchronized Map<String, Optional<byte[]>> takeWrites() {
        if (writes.isEmpty()) return Map.of();
        var taken = new LinkedHashMap<>(writes);
        writes.clear();
        return taken;
    }

    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(values.get(key)).map(byte[]::clone);
    }

    /** Stores a copy; a write that would pass the limit is {@link Full} and leaves the storage as it was. */
    public void set(String key, byte[] value) {
        long keyBytes = key.getBytes(StandardCharsets.UTF_8).length;
        var old = values.get(key);
        long after = usedBytes - (old == null ? 0 : keyBytes + old.length) + keyBytes + value.length;
        if (after > maxBytes) {
            throw new Full("the key-value storage would hold " + after + " bytes; the limit is " + maxBytes);
        }
        var copy = value.clone();
        // a guest can make the host's stack or heap run out at any point (deep recursion before the call): counted
        // first, so an error inside put can only leave the storage over-counted, never holding more than it shows
        usedBytes = Math.max(usedBytes, after);
        values.put(key, copy);
        usedBytes = after;
        noted(key, Optional.of(copy));
    }

    public void delete(String key) {
        var old = values.remove(key);
        if (old != null) {
            usedBytes -= key.getBytes(StandardCharsets.UTF_8).length + old.length;
            noted(key, Optional.empty());
        }
    }

    private synchronized void noted(String key, Optional<byte[]> value) {
        writes.put(key, value);
    }

    public int maxBytes() {
        return maxBytes;
    }

    public long usedBytes() {
        return usedBytes;
    }
}
