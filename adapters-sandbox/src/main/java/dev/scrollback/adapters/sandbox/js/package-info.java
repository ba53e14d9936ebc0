/**
 * JS scripts on GraalJS: {@link dev.scrollback.adapters.sandbox.js.JsEngine} loads a script into a context of its own
 * under {@code SandboxPolicy.CONSTRAINED} (the hook convention and the API a script sees are in its javadoc), and
 * {@link dev.scrollback.adapters.sandbox.js.JsScript} calls its hooks under the one watchdog, ending every call as the
 * WASM engine does (the {@code call} package's {@code CallResult}, {@code FaultKind} and {@code CallLog}), so that one sandbox port can drive
 * both engines.
 */
package dev.scrollback.adapters.sandbox.js;
