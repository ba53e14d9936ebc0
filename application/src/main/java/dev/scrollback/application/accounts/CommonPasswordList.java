package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.CommonPasswords;
import dev.scrollback.domain.accounts.PasswordPolicy;
import jakarta.inject.Named;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The bundled list of the most common breached passwords ({@code common-passwords.txt}, its provenance in
 * {@code common-passwords.NOTICE.txt} beside it), read once and folded like the policy folds what a caller types.
 */
@Named
public final class CommonPasswordList implements CommonPasswords {
    static final String RESOURCE = "common-passwords.txt";

    private final Set<String> folded;

    public CommonPasswordList() {
        this.folded = Set.copyOf(load());
    }

    @Override
    public boolean contains(String foldedPassword) {
        return folded.contains(foldedPassword);
    }

    public int size() {
        return folded.size();
    }

    private static Set<String> load() {
        var stream = CommonPasswordList.class.getResourceAsStream(RESOURCE);
        if (stream == null) throw new IllegalStateException(RESOURCE + " is missing from the application jar");
        var entries = new HashSet<String>(80_000);
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                var entry = line.strip();
                if (!entry.isEmpty()) entries.add(PasswordPolicy.fold(entry));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return entries;
    }
}
