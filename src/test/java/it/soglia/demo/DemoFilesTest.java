package it.soglia.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's data directory and its encryption key file are readable by their owner only. */
class DemoFilesTest {

    @TempDir
    Path temp;

    @Test
    void theDataDirectoryIsTheOwnersOnly() throws Exception {
        Path data = DemoLauncher.privateDirectory(temp.resolve("data"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    }

    @Test
    void aDataDirectoryLeftOpenByAnEarlierRunIsClosed() throws Exception {
        Path data = Files.createDirectory(temp.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));

        DemoLauncher.privateDirectory(data);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    }

    @Test
    void theKeyFileIsCreatedForItsOwnerOnlyAndKeptAcrossRuns() throws Exception {
        Path file = DemoLauncher.privateDirectory(temp.resolve("data")).resolve("soglia-crypto.key");

        String key = DemoLauncher.localKey(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(DemoLauncher.localKey(file)).isEqualTo(key);
    }
}
