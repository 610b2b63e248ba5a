package com.crowdledger.infra.axon;

import com.crowdledger.shared.crypto.RandomTokens;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's message identifiers (of every command and event; the event log's and the webhooks' ids are made from them),
 * random UUIDs drawn from {@link RandomTokens}, a generator per thread. Axon's default, {@code UUID.randomUUID()},
 * draws from the JVM's one locked SecureRandom: 33 waits of 10 to 30 ms on its lock in a 20 s postback round of a JFR
 * profile. Axon finds it through {@code META-INF/services}.
 */
public class RandomIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        byte[] bytes = RandomTokens.bytes(16);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4: random
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // the IETF variant
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }
}
