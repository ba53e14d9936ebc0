/**
 * Untrusted code (SPEC §2, issue 6): WASM plugins on Chicory through a host of our own for the Extism plugin ABI, and
 * JS scripts on GraalJS, both under one {@code watchdog}; each capability in its own package ({@code wasm}, {@code js},
 * …).
 */
package dev.scrollback.adapters.sandbox;
