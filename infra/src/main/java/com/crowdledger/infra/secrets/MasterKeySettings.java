package com.crowdledger.infra.secrets;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crowdledger.master-key} ({@code CROWDLEDGER_MASTER_KEY}): base64 of 32 random bytes
 * ({@code openssl rand -base64 32}), the key that wraps every stored secret. {@code crowdledger.retired-master-keys}
 * ({@code CROWDLEDGER_RETIREDMASTERKEYS}, comma-separated): former keys, still able to open what they sealed until
 * a re-wrap moved it to the current key. Unset on the embedded default: a key file in the data directory.
 */
@ConfigurationProperties("crowdledger")
record MasterKeySettings(String masterKey, List<String> retiredMasterKeys) {
    MasterKeySettings {
        retiredMasterKeys = retiredMasterKeys == null ? List.of() : List.copyOf(retiredMasterKeys);
    }
}
