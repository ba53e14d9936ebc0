/**
 * WASM plugins on Chicory through our own host for the Extism plugin ABI: {@link
 * dev.scrollback.adapters.sandbox.wasm.WasmModuleCheck} refuses unsafe modules before anything runs, {@link
 * dev.scrollback.adapters.sandbox.wasm.WasmEngine} compiles the rest, and {@link
 * dev.scrollback.adapters.sandbox.wasm.WasmPlugin} calls them under the watchdog with the kernel written in Java.
 * Engine-shaped on purpose: the application's sandbox port is built on top of it later.
 */
package dev.scrollback.adapters.sandbox.wasm;
