package com.crowdledger.query.partner;

import com.crowdledger.query.delivery.Delivery;
import com.crowdledger.query.delivery.DeliveryLog;
import com.crowdledger.query.delivery.DeliveryStatus;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A partner's postbacks with every attempt (the delivery log of kind {@code postback}), and a retry of one. */
@Service
class PartnerPostbacks {
    private final PartnerViewRepository partners;
    private final DeliveryLog log;

    PartnerPostbacks(PartnerViewRepository partners, DeliveryLog log) {
        this.partners = partners;
        this.log = log;
    }

    /**
     * A postback of one conversion event to one partner. {@code eventId} is the event's id in the event log
     * ({@code GET /v1/events/:id}); {@code values} are what the URL's macros were replaced with (the URL itself,
     * which may carry the partner's credentials, is never shown). {@code nextAttemptAt} is set while pending;
     * {@code canceledBecause} when canceled.
     */
    record PartnerPostback(String id, String partnerId, String conversionId, String eventId, String eventType,
                           Map<String, String> values, DeliveryStatus status, List<DeliveryLog.LoggedAttempt> attempts,
                           @Nullable Instant nextAttemptAt, @Nullable String canceledBecause, Instant createdAt,
                           @Nullable Instant completedAt) {
        static PartnerPostback of(Delivery row, List<DeliveryLog.LoggedAttempt> attempts) {
            Map<String, String> values = PostbackMacros.values(row.payload());
            return new PartnerPostback(row.id(), row.targetId(), values.get("conversion_id"), row.eventId(),
                    row.eventType(), values, row.status(), attempts, row.nextAttemptAt(), row.canceledBecause(),
                    row.createdAt(), row.completedAt());
        }
    }

    @Transactional(readOnly = true)
    ListPage<PartnerPostback> list(Tenant tenant, String partnerId, @Nullable DeliveryStatus status,
                                   PageRequest page) {
        requirePartner(tenant, partnerId);
        return log.page(tenant, PostbackDeliveryKind.NAME, partnerId, status, page, PartnerPostback::of);
    }

    /** Sends the postback again now, with the partner's URL as it is now and the same values. */
    @Transactional
    PartnerPostback retry(Tenant tenant, String postbackId) {
        Delivery postback = log.find(tenant, PostbackDeliveryKind.NAME, postbackId)
                .orElseThrow(() -> DomainException.notFound("Postback"));
        if (requirePartner(tenant, postback.targetId()).postbackUrlRef() == null) {
            throw DomainException.conflict("The partner has no postback URL: set one first (PATCH postbackUrl)");
        }
        return log.retryNow(tenant, postback, PartnerPostback::of);
    }

    private PartnerView requirePartner(Tenant tenant, String partnerId) {
        return (Ids.hasPrefix(partnerId, Ids.PARTNER) ? partners.find(tenant, partnerId)
                : Optional.<PartnerView>empty())
                .orElseThrow(() -> DomainException.notFound("Partner"));
    }
}
