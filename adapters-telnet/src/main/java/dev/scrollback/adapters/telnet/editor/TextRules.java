package dev.scrollback.adapters.telnet.editor;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.function.Function;

/**
 * What a composed text must become: {@code accept} turns it into the domain's value (throwing {@link InvalidValue}
 * when the domain refuses it), {@code explain} says a refusal in one line, and {@code maxLines} bounds the editor
 * before the domain ever sees the text.
 */
public record TextRules<T>(Function<String, T> accept, Function<InvalidValue, String> explain, int maxLines) {
    public TextRules {
        if (maxLines < 1) throw new IllegalArgumentException("maxLines must be positive");
    }
}
