package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What runs a plugin: a WebAssembly module, or a JavaScript script. Each takes one file extension for its entry point. */
public enum Engine {
    WASM(".wasm"), JS(".js");

    private final String extension;

    Engine(String extension) {
        this.extension = extension;
    }

    /** {@code wasm} or {@code js}, as manifests and events write it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The extension its entry point must have, with the dot. */
    public String extension() {
        return extension;
    }

    public static Optional<Engine> fromWireName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName().equals(name)).findFirst();
    }

    public static Engine parse(String name) {
        return fromWireName(name).orElseThrow(() -> new InvalidValue("engine", "must be wasm or js"));
    }
}
