package com.crowdledger.query.account;

import com.crowdledger.events.account.AccountEmailVerifiedEvent;
import com.crowdledger.events.account.AccountRegisteredEvent;
import com.crowdledger.events.account.AccountRegistrationLapsedEvent;
import com.crowdledger.shared.processing.Subscribing;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Projects accounts. Subscribing: the row commits with the event, so a login right after registering works. */
@Component
@Subscribing
@ProcessingGroup(AccountProjection.PROCESSING_GROUP)
class AccountProjection {
    static final String PROCESSING_GROUP = "account-view";

    private final AccountViewRepository accounts;

    AccountProjection(AccountViewRepository accounts) {
        this.accounts = accounts;
    }

    @EventHandler
    void on(AccountRegisteredEvent event) {
        accounts.save(new AccountView(event.accountId(), event.email(), event.name(), event.role(), event.slug(),
                event.passwordHash(), event.registeredAt()));
    }

    @EventHandler
    void on(AccountEmailVerifiedEvent event) {
        accounts.findById(event.accountId()).ifPresent(AccountView::markEmailVerified);
    }

    /** A lapsed registration is gone: its e-mail and slug are free for the next one. */
    @EventHandler
    void on(AccountRegistrationLapsedEvent event) {
        accounts.deleteById(event.accountId());
        accounts.flush();
    }

    @ResetHandler
    void reset() {
        accounts.deleteAllInBatch();
    }
}
