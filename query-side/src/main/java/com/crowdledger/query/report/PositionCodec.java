package com.crowdledger.query.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.springframework.stereotype.Component;

/** The rollups' position as stored in {@code report_position}: {@code {"index": 1234, "gaps": [1200, 1217]}}. */
@Component
class PositionCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Stored(long index, List<Long> gaps) {
    }

    GapAwareTrackingToken read(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            Stored position = JSON.readValue(stored, Stored.class);
            return GapAwareTrackingToken.newInstance(position.index(), position.gaps());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The report position is not readable: " + stored, e);
        }
    }

    String write(GapAwareTrackingToken position) {
        if (position == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(new Stored(position.getIndex(), List.copyOf(position.getGaps())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
