/**
 * Untrusted code (SPEC §2, issue 6): WASM plugins on Chicory through a host of our own for the Extism plugin ABI, and,
 * to come, JS scripts on GraalJS; each capability in its own package ({@code wasm}, …).
 */
package dev.scrollback.adapters.sandbox;
