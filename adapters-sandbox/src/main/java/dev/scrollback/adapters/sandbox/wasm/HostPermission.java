package dev.scrollback.adapters.sandbox.wasm;

/** Host functions a plugin may import only when granted; every other function of the ABI is always offered. */
public enum HostPermission {
    /** {@code var_get}, {@code var_set}: the plugin's own key-value storage. */
    KEY_VALUE,
    /** {@code http_request}, {@code http_status_code}, {@code http_headers}: outbound HTTP. */
    HTTP,
    /** {@code post_message} (module {@code extism:host/user}): say a line in a public chat room as the plugin. */
    POST_MESSAGE,
    /** {@code read_user} (module {@code extism:host/user}): a user's public facts. */
    READ_USER
}
