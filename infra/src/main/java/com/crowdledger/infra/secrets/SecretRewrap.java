package com.crowdledger.infra.secrets;

import com.crowdledger.shared.crypto.SecretBox;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second half of a master-key rotation: after the new key is made current (and the old one listed as retired),
 * every stored secret still wrapped by an old key is re-wrapped by the current one. Only the wrapped data keys change;
 * then the retired key can be removed from the settings.
 */
@Service
public class SecretRewrap {
    /** Each table of sealed values, with its key column. */
    private static final Map<String, String> TABLES = Map.of("platform_secrets", "name", "secret_vault", "reference");

    private final JdbcTemplate jdbc;
    private final SecretBox box;

    SecretRewrap(JdbcTemplate jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    public record Result(String currentKeyId, int rewrapped) {
    }

    @Transactional
    public Result rewrapAll() {
        int rewrapped = 0;
        for (Map.Entry<String, String> entry : TABLES.entrySet()) {
            String table = entry.getKey();
            String key = entry.getValue();
            List<String[]> rows = jdbc.query("select " + key + ", sealed from " + table + " for update",
                    (rs, i) -> new String[] {rs.getString(1), rs.getString(2)});
            for (String[] row : rows) {
                if (!box.isCurrent(row[1])) {
                    jdbc.update("update " + table + " set sealed = ? where " + key + " = ?", box.rewrap(row[1]),
                            row[0]);
                    rewrapped++;
                }
            }
        }
        return new Result(box.currentKey().id(), rewrapped);
    }
}
