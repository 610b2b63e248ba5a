package com.crowdledger.queries.billing;

import com.crowdledger.shared.web.Tenant;

/** One payment (top-up) of the tenant. */
public record FindPaymentQuery(String paymentId, Tenant tenant) {
}
