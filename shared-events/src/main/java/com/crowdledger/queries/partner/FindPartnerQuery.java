package com.crowdledger.queries.partner;

import com.crowdledger.shared.web.Tenant;

/** One partner as its owner sees it: only within the tenant (account and mode). */
public record FindPartnerQuery(String partnerId, Tenant tenant) {
}
