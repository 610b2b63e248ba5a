package com.crowdledger.command.campaign;

import com.crowdledger.command.tester.TesterProfiles;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A tester takes a place: its profile (made on first use) and the join are one transaction. */
@Service
class CampaignJoining {
    private final TesterProfiles profiles;
    private final CommandGateway commands;

    CampaignJoining(TesterProfiles profiles, CommandGateway commands) {
        this.profiles = profiles;
        this.commands = commands;
    }

    @Transactional
    CampaignMembership join(Tenant tester, String campaignId) {
        String testerId = profiles.ensure(tester);
        Instant joinedAt = commands.sendAndWait(new JoinCampaignCommand(campaignId, tester, testerId));
        return CampaignMembership.joined(campaignId, testerId, joinedAt);
    }
}
