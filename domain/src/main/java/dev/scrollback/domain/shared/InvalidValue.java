package dev.scrollback.domain.shared;

/** A value object refused its raw input. {@code field} names the input, the message says what is expected. */
public final class InvalidValue extends RuntimeException {
    private final String field;

    public InvalidValue(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
