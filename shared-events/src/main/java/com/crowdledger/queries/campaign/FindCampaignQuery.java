package com.crowdledger.queries.campaign;

import com.crowdledger.shared.web.Tenant;

/** One campaign of the tenant. */
public record FindCampaignQuery(String campaignId, Tenant tenant) {
}
