package com.crowdledger.queries.offer;

import com.crowdledger.shared.web.Tenant;

/** One offer as its owner sees it: only within the tenant (account and mode). */
public record FindOfferQuery(String offerId, Tenant tenant) {
}
