package com.crowdledger.query.partner;

import com.crowdledger.query.delivery.DeliveryKind;
import com.crowdledger.query.delivery.OutboundRequest;
import com.crowdledger.query.delivery.QueuedDelivery;
import com.crowdledger.shared.crypto.SecretVault;
import com.crowdledger.shared.tracking.PostbackUrlTemplate;
import com.crowdledger.shared.web.Tenant;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Partner postbacks as a kind of delivery (SPEC §5): a {@code GET} of the partner's outbound postback URL as it is
 * now (opened from the vault), its macros replaced by the queued values, URL-encoded. A partner whose URL was removed
 * since gets nothing (canceled). The engine checks the URL's shape and every address it leads to before each attempt,
 * as for webhooks. Given up on (410 Gone, or 5 days of failures), nothing changes but the log: the partner's URL is
 * the account's to change, and the next conversion is posted back again.
 */
@Component
class PostbackDeliveryKind implements DeliveryKind {
    static final String NAME = "postback";
    static final String USER_AGENT = "Crowdledger-Postbacks/1";
    private static final Logger log = LoggerFactory.getLogger(PostbackDeliveryKind.class);

    private final PartnerViewRepository partners;
    private final SecretVault vault;

    PostbackDeliveryKind(PartnerViewRepository partners, SecretVault vault) {
        this.partners = partners;
        this.vault = vault;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Target target(QueuedDelivery delivery) {
        Optional<PartnerView> partner = partners.find(new Tenant(delivery.accountId(), EnumSet.of(delivery.mode())),
                delivery.targetId());
        if (partner.isEmpty() || partner.get().postbackUrlRef() == null) {
            return (queued, now) -> Prepared.cancel("the partner has no postback URL");
        }
        PostbackUrlTemplate template = PostbackUrlTemplate.parse(
                new String(vault.open(partner.get().postbackUrlRef()), StandardCharsets.UTF_8));
        return (queued, now) -> {
            String url = template.expand(PostbackMacros.values(queued.payload()));
            return Prepared.send(new OutboundRequest("GET", URI.create(url), Map.of("User-Agent", USER_AGENT), null));
        };
    }

    @Override
    public void giveUp(QueuedDelivery delivery, TargetFailure failure, Instant failingSince, String detail) {
        log.info("Postbacks to partner {} of account {} fail ({}): {}", delivery.targetId(), delivery.accountId(),
                failure, detail);
    }
}
