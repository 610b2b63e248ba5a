package com.crowdledger.infra.secrets;

import com.crowdledger.infra.PlatformSettings;
import com.crowdledger.infra.embedded.EmbeddedDefault;
import com.crowdledger.shared.crypto.MasterKey;
import com.crowdledger.shared.crypto.SecretBox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The {@link SecretBox} every stored secret goes through, under the master key: {@code CROWDLEDGER_MASTER_KEY}, or on
 * the embedded default (and only there) {@code <data dir>/master.key}, created on first start with mode 0600.
 * Anywhere else a missing key stops the start: a generated key would be lost with its container.
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);
    static final String KEY_FILE = "master.key";

    @Bean
    SecretBox secretBox(MasterKeySettings settings, PlatformSettings platform, Environment environment)
            throws IOException {
        MasterKey current;
        if (settings.masterKey() != null && !settings.masterKey().isBlank()) {
            current = MasterKey.fromBase64(settings.masterKey());
        } else if (EmbeddedDefault.isActive(environment)) {
            current = keyFile(platform.dataDir().toAbsolutePath().resolve(KEY_FILE));
        } else {
            throw new IllegalStateException("CROWDLEDGER_MASTER_KEY is not set. It encrypts every stored secret: set "
                    + "it to base64 of 32 random bytes (openssl rand -base64 32) and keep it safe.");
        }
        return new SecretBox(current, settings.retiredMasterKeys().stream().map(MasterKey::fromBase64).toList());
    }

    /** Reads the key file, or creates it (readable by this user only) when there is none. */
    static MasterKey keyFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            MasterKey generated = MasterKey.generate();
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, generated.toBase64() + "\n", StandardCharsets.US_ASCII);
                log.info("Created the master key {} in {} (mode 0600); back it up with the data", generated.id(), file);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use theirs
            }
        }
        return MasterKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
    }
}
