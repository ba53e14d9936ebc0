package dev.scrollback.adapters.sandbox.wasm;

/** Host functions a plugin may import only when granted; every other function of the ABI is always offered. */
public enum HostPermission {
    /** {@code var_get}, {@code var_set}: the plugin's own key-value storage. */
    KEY_VALUE,
    /** {@code http_request}, {@code http_status_code}, {@code http_headers}: outbound HTTP. */
    HTTP
}
