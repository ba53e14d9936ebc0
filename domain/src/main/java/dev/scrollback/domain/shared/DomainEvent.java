package dev.scrollback.domain.shared;

/** Marker for every event; each capability's sealed event interface extends it. */
public interface DomainEvent {}
