package com.crowdledger.infra.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.shared.crypto.MasterKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default's master key: created once in the data dir, readable by its owner only, then reused. */
class SecretsConfigurationTest {

    @TempDir
    Path dataDir;

    @Test
    void keyFileIsCreatedWithMode0600AndReadBackUnchanged() throws IOException {
        Path file = dataDir.resolve("nested").resolve(SecretsConfiguration.KEY_FILE);
        MasterKey created = SecretsConfiguration.keyFile(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SecretsConfiguration.keyFile(file)).isEqualTo(created);
        assertThat(Files.readString(file).strip()).isEqualTo(created.toBase64());
    }
}
