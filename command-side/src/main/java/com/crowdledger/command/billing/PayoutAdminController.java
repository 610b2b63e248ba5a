package com.crowdledger.command.billing;

import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.web.OperatorOnly;
import com.crowdledger.shared.web.PublicEndpoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator records a payout batch: the testers' owed earnings of a mode (live by default), oldest first, up to
 * {@code limit}, become {@code paid}, each exactly once (the claim and the events are one transaction).
 */
@RestController
@PublicEndpoint
@OperatorOnly
class PayoutAdminController {
    private final EarningPayouts payouts;
    private final CommandGateway commands;

    PayoutAdminController(EarningPayouts payouts, CommandGateway commands) {
        this.payouts = payouts;
        this.commands = commands;
    }

    record PayoutRequest(@Nullable Mode mode, @Nullable @Min(1) @Max(10_000) Integer limit) {
    }

    /** {@code payoutId} null when nothing was owed; totals per currency. */
    record PayoutBatch(@Nullable String payoutId, int earnings, Map<String, BigDecimal> totals) {
    }

    @PostMapping("/admin/payouts")
    @Transactional
    public PayoutBatch pay(@Valid @RequestBody(required = false) PayoutRequest request) {
        Mode mode = request == null || request.mode() == null ? Mode.LIVE : request.mode();
        int limit = request == null || request.limit() == null ? 1000 : request.limit();
        String payoutId = Ids.next(Ids.PAYOUT);
        List<EarningPayouts.Owed> owed = payouts.claim(payoutId, mode, limit);
        if (owed.isEmpty()) {
            return new PayoutBatch(null, 0, Map.of());
        }
        commands.sendAndWait(new RecordPayoutCommand(payoutId, mode, owed));
        Map<String, BigDecimal> totals = new TreeMap<>();
        owed.stream().map(EarningPayouts.Owed::amount)
                .forEach(amount -> totals.merge(amount.currency(), amount.amount(), BigDecimal::add));
        return new PayoutBatch(payoutId, owed.size(), totals);
    }
}
