package com.crowdledger.command.tracking.partner;

import com.crowdledger.command.tracking.partner.ChangePartnerCommand.PostbackUrlChange;
import com.crowdledger.shared.crypto.SecretVault;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.net.SsrfGuard;
import com.crowdledger.shared.tracking.PostbackUrlTemplate;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A partner's outbound postback URL as it is registered: its macros are checked ({@link PostbackUrlTemplate}), where
 * it leads is checked by the SSRF guard as a webhook endpoint's URL is (https, no user info, every address the host
 * resolves to public, unless {@code crowdledger.webhooks.allow-private-networks}), and it is sealed in the vault.
 * The delivery engine checks it again before every request, since DNS may change.
 */
@Component
class PostbackUrls {
    static final String PURPOSE = "partner-postback-url";
    static final String FIELD = "postbackUrl";

    private final SecretVault vault;
    private final SsrfGuard guard;

    PostbackUrls(SecretVault vault,
                 @Value("${crowdledger.webhooks.allow-private-networks:false}") boolean allowPrivateNetworks) {
        this.vault = vault;
        this.guard = new SsrfGuard(allowPrivateNetworks);
    }

    /** Checks the URL and seals it, in the caller's transaction (a refused command leaves nothing sealed). */
    PostbackUrlChange seal(String url) {
        PostbackUrlTemplate template;
        try {
            template = PostbackUrlTemplate.parse(url);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(FIELD, e.getMessage());
        }
        // macros stand in the path and query only, so the URL with every macro empty leads where every postback will
        guard.requireAllowedUrl(FIELD, template.expand(Map.of()));
        return new PostbackUrlChange(vault.store(PURPOSE, url.getBytes(StandardCharsets.UTF_8)), template.host());
    }
}
