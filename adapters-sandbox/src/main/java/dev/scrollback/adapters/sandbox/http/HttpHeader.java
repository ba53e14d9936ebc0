package dev.scrollback.adapters.sandbox.http;

/** One header field: a request's as the plugin named it, a response's with its name in lower case. */
public record HttpHeader(String name, String value) {}
