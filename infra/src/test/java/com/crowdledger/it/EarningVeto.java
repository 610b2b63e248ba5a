package com.crowdledger.it;

import com.crowdledger.events.earning.TesterEarningRecordedEvent;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.processing.Subscribing;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A stand-in for billing's policy (issue 10) at the seam it will use: a subscribing handler of
 * {@link TesterEarningRecordedEvent} that refuses the earnings of the campaigns named here with 402, as billing will
 * when the payer's credit is short.
 */
@Component
@Subscribing
@ProcessingGroup("test-earning-veto")
class EarningVeto {
    static final Set<String> CAMPAIGNS_WITHOUT_CREDIT = ConcurrentHashMap.newKeySet();

    @EventHandler
    void on(TesterEarningRecordedEvent event) {
        if (CAMPAIGNS_WITHOUT_CREDIT.contains(event.source().campaignId())) {
            throw new DomainException(ErrorCode.PAYMENT_REQUIRED, "The account's credit does not cover this reward");
        }
    }
}
