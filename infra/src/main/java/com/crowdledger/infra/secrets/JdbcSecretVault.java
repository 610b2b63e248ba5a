package com.crowdledger.infra.secrets;

import com.crowdledger.shared.Ids;
import com.crowdledger.shared.crypto.SecretBox;
import com.crowdledger.shared.crypto.SecretVault;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tenants' secrets, sealed under the master key in {@code secret_vault}, each bound to its own reference (the
 * sealing context), so a sealed value copied to another row does not open. Writes join the caller's transaction.
 */
@Component
class JdbcSecretVault implements SecretVault {
    private final JdbcTemplate jdbc;
    private final SecretBox box;

    JdbcSecretVault(JdbcTemplate jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    @Override
    public String store(String purpose, byte[] secret) {
        String reference = Ids.next(Ids.SECRET);
        jdbc.update("insert into secret_vault (reference, purpose, sealed) values (?, ?, ?)", reference, purpose,
                box.seal(secret, context(reference, purpose)));
        return reference;
    }

    @Override
    public byte[] open(String reference) {
        List<String[]> rows = jdbc.query("select purpose, sealed from secret_vault where reference = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, reference);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("No stored secret " + reference);
        }
        return box.open(rows.get(0)[1], context(reference, rows.get(0)[0]));
    }

    private static String context(String reference, String purpose) {
        return purpose + ":" + reference;
    }
}
