package dev.scrollback.application.accounts;

import dev.scrollback.domain.shared.InvalidValue;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page of the user list starts: after the account with this handle key. On the wire it is opaque
 * (base64url of a versioned text), so the order it encodes may change without clients noticing; anything a client
 * makes up is refused as {@code cursor}, never looked up.
 */
public record UserCursor(String afterKey) {
    private static final String VERSION = "h1:";
    private static final int MAX_TOKEN = 400;

    public UserCursor {
        if (afterKey == null || afterKey.isEmpty()) throw invalid();
    }

    public static UserCursor parse(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN) throw invalid();
        try {
            var bytes = Base64.getUrlDecoder().decode(token);
            var text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (!text.startsWith(VERSION)) throw invalid();
            return new UserCursor(text.substring(VERSION.length()));
        } catch (IllegalArgumentException | CharacterCodingException notOurs) {
            throw invalid();
        }
    }

    public String token() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((VERSION + afterKey).getBytes(StandardCharsets.UTF_8));
    }

    private static InvalidValue invalid() {
        return new InvalidValue("cursor", "is not a cursor this server handed out; start again without one");
    }
}
