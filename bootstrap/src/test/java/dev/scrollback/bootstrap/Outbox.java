package dev.scrollback.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads verification (6-digit) and unlock (8-digit) codes from the .eml files the server writes to {@code <data dir>/outbox}. */
final class Outbox {
    private static final Pattern CODE = Pattern.compile("(?m)^\\s*(\\d{6,8})\\s*$");

    private Outbox() {}

    /** The code in the newest message to {@code recipient} (file names sort by time), waiting for it to arrive. */
    static String codeFor(Path dataDirectory, String recipient) throws IOException, InterruptedException {
        var outbox = dataDirectory.resolve("outbox");
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (Files.isDirectory(outbox)) {
                try (var files = Files.list(outbox)) {
                    var code = files.filter(f -> f.getFileName().toString().endsWith(".eml"))
                            .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
                            .map(Outbox::read)
                            .filter(text -> text.contains("To: " + recipient))
                            .findFirst()
                            .flatMap(Outbox::code);
                    if (code.isPresent()) return code.get();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail with a code to " + recipient + " in " + outbox);
    }

    private static Optional<String> code(String mail) {
        var m = CODE.matcher(mail);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
