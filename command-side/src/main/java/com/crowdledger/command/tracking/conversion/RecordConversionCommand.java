package com.crowdledger.command.tracking.conversion;

import com.crowdledger.shared.tracking.ConversionKind;
import com.crowdledger.shared.web.Tenant;
import java.math.BigDecimal;

/**
 * A postback: record a conversion of a click of the tenant (by an API key), or of one offer's click ({@code offerId}
 * set: by the offer's postback secret). Null amounts and currency take the offer's; a txn_id seen before for the offer
 * records nothing. No aggregate handles it (there is none to load yet): see {@link ConversionRecording}.
 */
public record RecordConversionCommand(
        Tenant tenant,
        String offerId,
        String clickId,
        BigDecimal amount,
        BigDecimal payout,
        String txnId,
        ConversionKind kind,
        String currency,
        String couponCode) {
}
