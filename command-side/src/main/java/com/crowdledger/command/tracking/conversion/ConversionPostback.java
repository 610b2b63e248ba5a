package com.crowdledger.command.tracking.conversion;

import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.tracking.ConversionKind;
import com.crowdledger.shared.web.ScalarText;
import com.crowdledger.shared.web.Tenant;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a postback (SPEC §5), named as the seed names them, from a JSON body or from query parameters. Only
 * {@code click_id} is required: the amount and payout default to the offer's, the currency to the offer's (any other
 * is refused), the event to {@code sale}.
 */
public record ConversionPostback(
        @JsonProperty(CLICK_ID) @ScalarText @Nullable String clickId,
        @Nullable BigDecimal amount,
        @Nullable BigDecimal payout,
        @JsonProperty(TXN_ID) @ScalarText @Nullable String txnId,
        @Nullable ConversionKind event,
        @Nullable String currency,
        @JsonProperty(COUPON_CODE) @ScalarText @Nullable String couponCode) {
    static final String CLICK_ID = "click_id";
    static final String AMOUNT = "amount";
    static final String PAYOUT = "payout";
    static final String TXN_ID = "txn_id";
    static final String CURRENCY = "currency";
    static final String COUPON_CODE = "coupon_code";
    static final int MAX_TXN_ID_LENGTH = 255;
    static final int MAX_COUPON_CODE_LENGTH = 100;

    /** The fields as query parameters give them: text, so the amounts are read here (422 when they are no number). */
    static ConversionPostback fromQuery(String clickId, String amount, String payout, String txnId,
                                        ConversionKind event, String currency, String couponCode) {
        return new ConversionPostback(clickId, decimal(AMOUNT, amount), decimal(PAYOUT, payout), txnId, event,
                currency, couponCode);
    }

    /** The command for a click of the tenant, or of one offer ({@code offerId}, else null). */
    RecordConversionCommand toCommand(Tenant tenant, String offerId) {
        if (clickId == null || clickId.isBlank()) {
            throw DomainException.invalid(CLICK_ID, "is required");
        }
        if (txnId != null && (txnId.isBlank() || txnId.length() > MAX_TXN_ID_LENGTH)) {
            throw DomainException.invalid(TXN_ID, "must be 1 to " + MAX_TXN_ID_LENGTH + " characters");
        }
        if (couponCode != null && couponCode.length() > MAX_COUPON_CODE_LENGTH) {
            throw DomainException.invalid(COUPON_CODE, "must be at most " + MAX_COUPON_CODE_LENGTH + " characters");
        }
        return new RecordConversionCommand(tenant, offerId, clickId.strip(), amount, payout, txnId,
                Objects.requireNonNullElse(event, ConversionKind.SALE), currency,
                couponCode == null || couponCode.isBlank() ? null : couponCode);
    }

    private static BigDecimal decimal(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, "must be a decimal number, like 12.50");
        }
    }
}
