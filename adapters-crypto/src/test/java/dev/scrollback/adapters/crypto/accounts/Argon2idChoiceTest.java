package dev.scrollback.adapters.crypto.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.domain.accounts.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class Argon2idChoiceTest {

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")         // argon2-jvm bundles libargon2 for linux-x86-64
    void on_linux_x86_64_the_native_library_is_chosen() {
        assertThat(Argon2idChoice.preferred()).isInstanceOf(NativeArgon2id.class);
        assertThat(new Argon2PasswordHasher(Argon2Cost.recommended()).implementation()).contains("libargon2");
    }

    @Test
    void a_library_that_cannot_be_loaded_falls_back_to_bouncy_castle() {
        var chosen = Argon2idChoice.choose(() -> {
            throw new UnsatisfiedLinkError("Unable to load library 'argon2'");
        });

        assertThat(chosen).isInstanceOf(BouncyCastleArgon2id.class);
        var hasher = new Argon2PasswordHasher(Argon2Cost.recommended(), 1, chosen);
        assertThat(hasher.matches(Argon2PasswordHasherTest.PASSWORD, Argon2PasswordHasherTest.REFERENCE_RECOMMENDED)).isTrue();
    }

    @Test
    void missing_jna_falls_back_to_bouncy_castle() {
        assertThat(Argon2idChoice.choose(() -> {
            throw new NoClassDefFoundError("com/sun/jna/Native");
        })).isInstanceOf(BouncyCastleArgon2id.class);
    }

    @Test
    void a_library_that_gives_a_wrong_answer_is_not_used() {
        var wrong = new Argon2idFunction() {                       // loads, but is not the Argon2id we store
            @Override
            public byte[] derive(byte[] password, byte[] salt, Argon2Cost cost, int tagLength) {
                return new byte[tagLength];
            }

            @Override
            public String description() {
                return "a wrong one";
            }
        };

        assertThat(Argon2idChoice.choose(() -> wrong)).isInstanceOf(BouncyCastleArgon2id.class);
    }

    @Test
    void a_library_that_fails_when_called_is_not_used() {
        var failing = new Argon2idFunction() {
            @Override
            public byte[] derive(byte[] password, byte[] salt, Argon2Cost cost, int tagLength) {
                throw new IllegalStateException("Memory allocation error (-22)");    // how argon2-jvm reports an error
            }

            @Override
            public String description() {
                return "a failing one";
            }
        };

        assertThat(Argon2idChoice.choose(() -> failing)).isInstanceOf(BouncyCastleArgon2id.class);
    }

    /** The real failure, in a JVM of its own: JNA told to find no native code at all, as on a platform it does not cover. */
    @Test
    void a_jvm_where_jna_finds_no_native_code_hashes_with_bouncy_castle() throws IOException, InterruptedException {
        var output = probe("-Djna.nounpack=true", "-Djna.noclasspath=true", "-Djna.nosys=true",
                "-Djna.platform.library.path=/nonexistent");

        assertThat(output).contains("chosen: Bouncy Castle").contains("reference vector matches: true")
                .contains("could not be used");
    }

    /** JNA itself loads (from a copy of its own library) but finds no libargon2, as on a platform argon2-jvm lacks. */
    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void a_jvm_where_libargon2_is_missing_hashes_with_bouncy_castle(@TempDir Path jnaOnly)
            throws IOException, InterruptedException {
        try (var dispatch = getClass().getResourceAsStream("/com/sun/jna/linux-x86-64/libjnidispatch.so")) {
            assertThat(dispatch).as("JNA's own library on the test class path").isNotNull();
            Files.copy(dispatch, jnaOnly.resolve("libjnidispatch.so"));
        }

        var output = probe("-Djna.boot.library.path=" + jnaOnly, "-Djna.nounpack=true", "-Djna.noclasspath=true",
                "-Djna.nosys=true", "-Djna.platform.library.path=/nonexistent");

        assertThat(output).contains("chosen: Bouncy Castle").contains("reference vector matches: true")
                .contains("Unable to load library 'argon2'");
    }

    private static String probe(String... jnaProperties) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(List.of(jnaProperties));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    /** What {@link #a_jvm_where_jna_finds_no_native_code_hashes_with_bouncy_castle} runs. */
    static final class Probe {
        public static void main(String[] args) {
            var hasher = new Argon2PasswordHasher(Argon2Cost.recommended());
            System.out.println("chosen: " + hasher.implementation());
            System.out.println("reference vector matches: "
                    + hasher.matches(new Secret("correct horse battery staple"), Argon2PasswordHasherTest.REFERENCE_RECOMMENDED));
        }
    }
}
