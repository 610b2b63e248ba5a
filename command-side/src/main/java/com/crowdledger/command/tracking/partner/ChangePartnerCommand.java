package com.crowdledger.command.tracking.partner;

import com.crowdledger.shared.tracking.PartnerStatus;
import com.crowdledger.shared.web.Tenant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Change a partner; a null field stays as it is. {@code postbackUrl} is what to do with the outbound postback URL:
 * keep it (null), remove it, or replace it with one already sealed in the vault.
 */
public record ChangePartnerCommand(
        @TargetAggregateIdentifier String partnerId,
        Tenant tenant,
        String name,
        String email,
        PartnerStatus status,
        PostbackUrlChange postbackUrl) {

    /** A new outbound postback URL (its vault reference and host), or none ({@link #REMOVE}). */
    public record PostbackUrlChange(String ref, String host) {
        public static final PostbackUrlChange REMOVE = new PostbackUrlChange(null, null);
    }
}
