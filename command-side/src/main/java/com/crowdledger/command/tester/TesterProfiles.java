package com.crowdledger.command.tester;

import com.crowdledger.command.consistency.TransactionLocks;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.web.Tenant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tester account has one profile per mode, made on its first use of the tester routes (reading or changing its
 * profile, joining a campaign). Two first uses at once make one profile: the second waits on the lock of the
 * account and mode, then finds the first one's.
 */
@Service
public class TesterProfiles {
    private final TesterLookup lookup;
    private final TransactionLocks locks;
    private final CommandGateway commands;

    TesterProfiles(TesterLookup lookup, TransactionLocks locks, CommandGateway commands) {
        this.lookup = lookup;
        this.locks = locks;
        this.commands = commands;
    }

    /** @return the id of the tester's profile in its key's mode, made now if it had none */
    @Transactional
    public String ensure(Tenant tester) {
        Mode mode = tester.singleMode();
        if (mode == null) {
            throw new IllegalStateException("Tester routes are called with a key, which has one mode");
        }
        return lookup.testerId(tester.accountId(), mode).orElseGet(() -> {
            locks.lock("tester-profile", tester.accountId() + ":" + mode.name());
            return lookup.testerId(tester.accountId(), mode).orElseGet(() -> {
                String testerId = Ids.next(Ids.TESTER);
                commands.sendAndWait(new CreateTesterProfileCommand(testerId, tester));
                return testerId;
            });
        });
    }
}
