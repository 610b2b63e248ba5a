package com.crowdledger.events.campaign;

import com.crowdledger.shared.WireNames;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a campaign is in its life: {@code draft → active ⇄ paused}, {@code active → completed}, and
 * {@code draft | active | paused → cancelled}. Completed and cancelled are final.
 */
public enum CampaignStatus {
    DRAFT, ACTIVE, PAUSED, COMPLETED, CANCELLED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static CampaignStatus fromWire(String value) {
        return WireNames.parse(CampaignStatus.class, value);
    }
}
