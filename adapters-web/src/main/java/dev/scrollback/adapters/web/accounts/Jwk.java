package dev.scrollback.adapters.web.accounts;

/** A public EC key as RFC 7517 writes it, for {@code /.well-known/jwks.json}. */
public record Jwk(String kty, String crv, String x, String y, String use, String alg, String kid) {}
