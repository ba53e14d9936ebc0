package dev.scrollback.adapters.sandbox.call;

/** Plugin log levels, numbered as the Extism runtime reports them to {@code get_log_level}. */
public enum LogLevel {
    TRACE(0), DEBUG(1), INFO(2), WARN(3), ERROR(4);

    private final int abiValue;

    LogLevel(int abiValue) {
        this.abiValue = abiValue;
    }

    public int abiValue() {
        return abiValue;
    }
}
