package com.crowdledger.command.playtest;

import com.crowdledger.command.tester.TesterProfiles;
import com.crowdledger.shared.web.Tenant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A tester claims a slot: its profile (made on first use) and the reservation are one transaction. */
@Service
class SlotClaiming {
    private final TesterProfiles profiles;
    private final CommandGateway commands;
    private final PlaytestSettings settings;

    SlotClaiming(TesterProfiles profiles, CommandGateway commands, PlaytestSettings settings) {
        this.profiles = profiles;
        this.commands = commands;
        this.settings = settings;
    }

    @Transactional
    void claim(Tenant tester, String playtestId, String slotId) {
        String testerId = profiles.ensure(tester);
        commands.sendAndWait(new ClaimSlotCommand(playtestId, slotId, tester, testerId,
                settings.reservationLifetime(), settings.warning()));
    }
}
