package dev.scrollback.adapters.sandbox.wasm;

import dev.scrollback.adapters.sandbox.call.FaultKind;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A plugin's key-value storage ({@code var_get}/{@code var_set}): kept across calls, like the Extism runtime's vars,
 * and bounded by the sum of key and value bytes. Held in memory only in this slice; the application decides later
 * whether writes become events.
 */
final class PluginVars {
    private final int maxBytes;
    private final Map<String, byte[]> values = new HashMap<>();
    private long usedBytes;

    PluginVars(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    Optional<byte[]> get(String key) {
        return Optional.ofNullable(values.get(key)).map(byte[]::clone);
    }

    /** Stores a copy; a write that would pass the limit faults the call and leaves the storage as it was. */
    void set(String key, byte[] value) {
        long keyBytes = key.getBytes(StandardCharsets.UTF_8).length;
        var old = values.get(key);
        long after = usedBytes - (old == null ? 0 : keyBytes + old.length) + keyBytes + value.length;
        if (after > maxBytes) {
            throw new KernelFault(FaultKind.STORAGE_FULL, "var_set: the key-value storage would hold " + after
                    + " bytes; the limit is " + maxBytes);
        }
        var copy = value.clone();
        // a guest can make the host's stack or heap run out at any point (deep recursion before the call): counted
        // first, so an error inside put can only leave the storage over-counted, never holding more than it shows
        usedBytes = Math.max(usedBytes, after);
        values.put(key, copy);
        usedBytes = after;
    }

    void delete(String key) {
        var old = values.remove(key);
        if (old != null) usedBytes -= key.getBytes(StandardCharsets.UTF_8).length + old.length;
    }

    long usedBytes() {
        return usedBytes;
    }
}
