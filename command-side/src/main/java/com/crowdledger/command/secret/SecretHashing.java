package com.crowdledger.command.secret;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import org.springframework.stereotype.Component;

/**
 * argon2id for every secret we must later recognise (passwords, API keys). The output is a standard PHC string
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) so any argon2 library can verify it.
 *
 * <p>Parameters: OWASP's minimum for argon2id, m=19 MiB, t=2, p=1 (about 30 ms here). API keys carry 128 random
 * bits, so a slower setting would add nothing against guessing them; the authentication cache makes the cost a
 * once-per-key matter.
 */
@Component
public class SecretHashing {
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2 argon2 = Argon2Factory.create(Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);

    public String hash(String secret) {
        char[] chars = secret.toCharArray();
        try {
            return argon2.hash(ITERATIONS, MEMORY_KIB, PARALLELISM, chars);
        } finally {
            argon2.wipeArray(chars);
        }
    }

    public boolean verify(String phcHash, String secret) {
        char[] chars = secret.toCharArray();
        try {
            return argon2.verify(phcHash, chars);
        } finally {
            argon2.wipeArray(chars);
        }
    }
}
