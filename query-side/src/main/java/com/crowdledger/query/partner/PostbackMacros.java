package com.crowdledger.query.partner;

import com.crowdledger.events.conversion.ConversionRecordedEvent;
import com.crowdledger.shared.tracking.ConversionStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a partner's postback URL's macros stand for in one postback: the conversion's values and its status after the
 * event ({@code pending} or {@code approved} when recorded, {@code approved}, {@code reversed}). Captured when the
 * postback is queued and stored as its payload (JSON), so every attempt sends the same values; the URL itself is
 * read when each attempt is made (a changed URL applies to pending retries too).
 */
final class PostbackMacros {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> VALUES = new TypeReference<>() {
    };

    private PostbackMacros() {
    }

    static String payload(ConversionRecordedEvent conversion, ConversionStatus status) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("conversion_id", conversion.conversionId());
        values.put("click_id", conversion.clickId());
        values.put("event", conversion.kind().wireName());
        values.put("status", status.wireName());
        values.put("amount", conversion.amount().amount().toPlainString());
        values.put("payout", conversion.payout().amount().toPlainString());
        putIfPresent(values, "txn_id", conversion.txnId());
        putIfPresent(values, "sub1", conversion.sub1());
        putIfPresent(values, "sub2", conversion.sub2());
        putIfPresent(values, "sub3", conversion.sub3());
        putIfPresent(values, "sub4", conversion.sub4());
        putIfPresent(values, "sub5", conversion.sub5());
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> values(String payload) {
        try {
            return JSON.readValue(payload, VALUES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A postback's payload is not its macros' JSON", e);
        }
    }

    private static void putIfPresent(Map<String, String> values, String macro, String value) {
        if (value != null) {
            values.put(macro, value);
        }
    }
}
