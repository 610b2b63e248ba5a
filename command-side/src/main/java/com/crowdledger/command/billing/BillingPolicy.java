package com.crowdledger.command.billing;

import com.crowdledger.events.billing.LedgerEntryKind;
import com.crowdledger.events.billing.LedgerReference;
import com.crowdledger.events.earning.EarningSource;
import com.crowdledger.events.earning.TesterEarningRecordedEvent;
import com.crowdledger.events.playtest.PlaytestCancelledEvent;
import com.crowdledger.events.playtest.PlaytestOrderedEvent;
import com.crowdledger.events.playtest.SubmissionAcceptedEvent;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.processing.Subscribing;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * What costs money, charged where it happens: subscribing, so each charge is a command on the payer's billing
 * account inside the transaction of the event that caused it. A charge the credit does not cover fails with 402,
 * and with it the whole command (the order, the acceptance): nothing is created or changed. No saga: the lock and
 * the transaction are PostgreSQL's, the same for every node.
 * <ul>
 *   <li>a private playtest order: its {@code prepaid} amount; a public playtest's accepted submission: its
 *       {@code charge}; a cancelled playtest: its {@code refund} back;</li>
 *   <li>a crowdtesting bug's reward (an earning of source {@code bug}) in live mode. Test mode rewards are play
 *       money and charge nothing; playtest payouts are paid out of what the slot cost, never charged again.</li>
 * </ul>
 */
@Component
@Subscribing
@ProcessingGroup("billing-policy")
class BillingPolicy {
    private final CommandGateway commands;

    BillingPolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(PlaytestOrderedEvent event) {
        charge(event.accountId(), event.mode(), LedgerEntryKind.CHARGE, event.prepaid(),
                new LedgerReference(LedgerReference.PLAYTEST, event.playtestId()));
    }

    @EventHandler
    void on(SubmissionAcceptedEvent event) {
        charge(event.accountId(), event.mode(), LedgerEntryKind.CHARGE, event.charge(),
                new LedgerReference(LedgerReference.SUBMISSION, event.submissionId()));
    }

    @EventHandler
    void on(PlaytestCancelledEvent event) {
        if (!event.refund().isZero()) {
            commands.sendAndWait(new RefundCreditCommand(BillingAccounts.idOf(event.accountId(), event.mode()),
                    event.accountId(), event.mode(), Ids.next(Ids.LEDGER_ENTRY), event.refund(),
                    new LedgerReference(LedgerReference.PLAYTEST, event.playtestId())));
        }
    }

    @EventHandler
    void on(TesterEarningRecordedEvent event) {
        if (event.mode() == Mode.LIVE && EarningSource.BUG.equals(event.source().type())) {
            charge(event.accountId(), event.mode(), LedgerEntryKind.REWARD, event.amount(),
                    new LedgerReference(LedgerReference.BUG, event.source().id()));
        }
    }

    private void charge(String accountId, Mode mode, LedgerEntryKind kind, Money amount, LedgerReference reference) {
        if (!amount.isZero()) {
            commands.sendAndWait(new ChargeCreditCommand(BillingAccounts.idOf(accountId, mode), accountId, mode,
                    Ids.next(Ids.LEDGER_ENTRY), kind, amount, reference));
        }
    }
}
