package com.crowdledger.command.tracking.partner;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.web.Tenant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Add a partner in the given mode of the tenant's account. Its outbound postback URL is already sealed in the
 * vault: the command carries the reference and the URL's host (both null without one).
 */
public record CreatePartnerCommand(
        @TargetAggregateIdentifier String partnerId,
        Tenant tenant,
        Mode mode,
        String name,
        String slug,
        String email,
        String postbackUrlRef,
        String postbackHost) {
}
