package dev.scrollback.adapters.web.shared;

/** No usable credentials on a request that needs them: 401 {@code unauthorized} with {@code WWW-Authenticate: Bearer}. */
public final class Unauthenticated extends RuntimeException {
    private final boolean tokenPresented;

    private Unauthenticated(String detail, boolean tokenPresented) {
        super(detail, null, false, false);
        this.tokenPresented = tokenPresented;
    }

    public static Unauthenticated noToken() {
        return new Unauthenticated("Log in first and send the access token as 'Authorization: Bearer <token>'.", false);
    }

    /** A token was sent but cannot be used; {@code detail} says what to do. */
    public static Unauthenticated badToken(String detail) {
        return new Unauthenticated(detail, true);
    }

    /** RFC 6750 §3: an error code only when the client presented a token. */
    public String challenge() {
        return tokenPresented ? "Bearer realm=\"scrollback\", error=\"invalid_token\"" : "Bearer realm=\"scrollback\"";
    }
}
