/** The one watchdog thread that cancels sandboxed calls of both engines (WASM and JS) at their deadline or on a breached budget. */
package dev.scrollback.adapters.sandbox.watchdog;
