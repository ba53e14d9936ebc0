package dev.scrollback.adapters.sandbox.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.plugins.PluginPackage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryPackageStoreTest {
    @TempDir
    Path directory;

    final PluginPackage content = new PluginPackage("name = \"x\"".getBytes(StandardCharsets.UTF_8), new byte[] {0, 'a', 's', 'm'});

    @Test
    void a_kept_package_is_found_by_its_hash_and_keeping_it_again_is_harmless() {
        var store = new DirectoryPackageStore(directory);
        store.keep(content);
        store.keep(content);

        assertThat(store.find(content.sha256())).contains(content);
        assertThat(new DirectoryPackageStore(directory).find(content.sha256())).as("after a restart").contains(content);
        assertThat(store.find(new PluginPackage(new byte[] {1}, new byte[] {2}).sha256())).isEmpty();
    }

    @Test
    void a_package_changed_on_disk_is_never_handed_out() throws Exception {
        var store = new DirectoryPackageStore(directory);
        store.keep(content);
        Files.write(directory.resolve(content.sha256().hex()).resolve("code"), new byte[] {0, 'e', 'v', 'i', 'l'});

        assertThat(store.find(content.sha256())).isEmpty();
    }

    @Test
    void a_package_grown_on_disk_past_any_accepted_size_is_not_read() throws Exception {
        var store = new DirectoryPackageStore(directory);
        store.keep(content);
        Files.write(directory.resolve(content.sha256().hex()).resolve("code"), new byte[PluginPackage.MAX_CODE_BYTES + 1]);

        assertThat(store.find(content.sha256())).isEmpty();
    }

    @Test
    void a_package_damaged_on_disk_is_repaired_by_keeping_it_again() throws Exception {
        var store = new DirectoryPackageStore(directory);
        store.keep(content);
        Files.write(directory.resolve(content.sha256().hex()).resolve("code"), new byte[] {0, 'b', 'a', 'd'});
        assertThat(store.find(content.sha256())).isEmpty();

        store.keep(content);
        assertThat(store.find(content.sha256())).contains(content);
        try (var left = Files.list(directory)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary directories left").containsExactly(content.sha256().hex());
        }
    }
}
