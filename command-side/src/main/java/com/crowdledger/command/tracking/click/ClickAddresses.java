package com.crowdledger.command.tracking.click;

import com.crowdledger.shared.crypto.Digests;
import com.crowdledger.shared.crypto.PlatformSecrets;
import org.springframework.stereotype.Component;

/**
 * A visitor's address as a click keeps it: HMAC-SHA256 under the platform secret {@value #SECRET}. The same address
 * gives the same fingerprint on every node (unique clicks can be counted), but without the secret nobody can tell
 * which address it was: a plain hash of an IPv4 address is undone by hashing all four billion of them.
 */
@Component
class ClickAddresses {
    static final String SECRET = "click-address";

    private final PlatformSecrets secrets;

    ClickAddresses(PlatformSecrets secrets) {
        this.secrets = secrets;
    }

    String fingerprint(String address) {
        return Digests.hmacSha256Hex(secrets.get(SECRET), address);
    }
}
