package dev.scrollback.adapters.web.shared;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Fixed files the web adapter serves from its class path (pages, scripts), read once at start; a missing one fails it. */
public final class ClassPathFiles {
    private ClassPathFiles() {}

    public static byte[] read(String path) {
        try (var in = ClassPathFiles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
