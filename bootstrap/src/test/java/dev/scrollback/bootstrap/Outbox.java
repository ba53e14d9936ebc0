package dev.scrollback.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads verification (6-digit), unlock (8-digit) and password reset (16 digits in groups of four) codes from the .eml
 * files the server writes to {@code <data dir>/outbox}.
 */
final class Outbox {
    private static final Pattern CODE = Pattern.compile("(?m)^\\s*(\\d{6,8})\\s*$");
    private static final Pattern RESET_CODE = Pattern.compile("(?m)^\\s*(\\d{4}-\\d{4}-\\d{4}-\\d{4})\\s*$");

    private Outbox() {}

    /** The code in the newest message to {@code recipient} (file names sort by time), waiting for it to arrive. */
    static String codeFor(Path dataDirectory, String recipient) throws IOException, InterruptedException {
        return find(dataDirectory, recipient, CODE, Set.of());
    }

    /** The newest password reset code mailed to {@code recipient} that is none of {@code seen}, waiting for it. */
    static String resetCodeFor(Path dataDirectory, String recipient, Set<String> seen) throws IOException, InterruptedException {
        return find(dataDirectory, recipient, RESET_CODE, seen);
    }

    /** How many messages went to {@code recipient} so far. */
    static long mailsTo(Path dataDirectory, String recipient) throws IOException {
        var outbox = dataDirectory.resolve("outbox");
        if (!Files.isDirectory(outbox)) return 0;
        try (var files = Files.list(outbox)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml")).map(Outbox::read)
                    .filter(text -> text.contains("To: " + recipient)).count();
        }
    }

    private static String find(Path dataDirectory, String recipient, Pattern pattern, Set<String> seen)
            throws IOException, InterruptedException {
        var outbox = dataDirectory.resolve("outbox");
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (Files.isDirectory(outbox)) {
                try (var files = Files.list(outbox)) {
                    var code = files.filter(f -> f.getFileName().toString().endsWith(".eml"))
                            .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
                            .map(Outbox::read)
                            .filter(text -> text.contains("To: " + recipient))
                            .map(text -> code(text, pattern))
                            .flatMap(Optional::stream)
                            .filter(found -> !seen.contains(found))
                            .findFirst();
                    if (code.isPresent()) return code.get();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail with a code to " + recipient + " in " + outbox);
    }

    private static Optional<String> code(String mail, Pattern pattern) {
        var m = pattern.matcher(mail);
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
