/** The one watchdog thread that cancels sandboxed calls (WASM now, JS later) when their deadline passes. */
package dev.scrollback.adapters.sandbox.watchdog;
