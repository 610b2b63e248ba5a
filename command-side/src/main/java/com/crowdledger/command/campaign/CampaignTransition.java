package com.crowdledger.command.campaign;

import com.crowdledger.events.campaign.CampaignStatus;
import java.util.EnumSet;
import java.util.Set;

/** The lifecycle moves an owner may ask for (SPEC §4), each allowed from the statuses listed, and where it leads. */
public enum CampaignTransition {
    LAUNCH(EnumSet.of(CampaignStatus.DRAFT), CampaignStatus.ACTIVE),
    PAUSE(EnumSet.of(CampaignStatus.ACTIVE), CampaignStatus.PAUSED),
    RESUME(EnumSet.of(CampaignStatus.PAUSED), CampaignStatus.ACTIVE),
    COMPLETE(EnumSet.of(CampaignStatus.ACTIVE), CampaignStatus.COMPLETED),
    CANCEL(EnumSet.of(CampaignStatus.DRAFT, CampaignStatus.ACTIVE, CampaignStatus.PAUSED), CampaignStatus.CANCELLED);

    private final Set<CampaignStatus> from;
    private final CampaignStatus to;

    CampaignTransition(Set<CampaignStatus> from, CampaignStatus to) {
        this.from = from;
        this.to = to;
    }

    boolean allowedFrom(CampaignStatus status) {
        return from.contains(status);
    }

    CampaignStatus to() {
        return to;
    }

    String verb() {
        return name().toLowerCase();
    }
}
