package dev.scrollback.adapters.telnet.shared;

/** The caller's window in character cells, as currently known. */
public record ScreenSize(int columns, int rows) {}
