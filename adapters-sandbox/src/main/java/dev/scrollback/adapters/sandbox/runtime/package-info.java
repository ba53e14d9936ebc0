/**
 * The application's {@code Sandbox} port on both engines: loads a package under its manifest's policy (WebAssembly on
 * Chicory, scripts on GraalJS), speaks each hook's wire format with the plugin ({@link HookWire}), and turns the
 * engines' results into the application's {@code HookCall}s.
 */
package dev.scrollback.adapters.sandbox.runtime;
