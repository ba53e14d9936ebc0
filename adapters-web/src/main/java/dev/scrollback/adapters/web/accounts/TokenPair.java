package dev.scrollback.adapters.web.accounts;

import java.time.Duration;

/** A signed access token and refresh token for one session; {@code accessTtl} is how long the access token lives. */
public record TokenPair(String accessToken, String refreshToken, Duration accessTtl) {
    @Override
    public String toString() {
        return "TokenPair[***, ***, " + accessTtl + "]";          // bearer tokens are secrets
    }
}
