package com.crowdledger.query.dashboard;

import com.crowdledger.events.playtest.PlaytestStatus;
import com.crowdledger.events.playtest.SlotStatus;
import com.crowdledger.queries.playtest.SlotCounts;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An owner's playtesting stats, from the dashboard's read model. */
@RestController
@Authenticated(scope = Scope.GAME_OWNER)
class DashboardController {
    private final DashboardRepository dashboard;
    private final Clock clock = Clock.systemUTC();

    DashboardController(DashboardRepository dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/v1/dashboard/stats")
    DashboardStatsView stats(Caller caller) {
        Tenant owner = Tenant.of(caller);
        Map<String, Long> playtests = counts(dashboard.playtestsByStatus(owner));
        Map<String, Long> slots = counts(dashboard.slotsByStatus(owner));
        List<Object[]> balance = dashboard.balance(owner);
        String currency = balance.isEmpty() ? null : (String) balance.get(0)[0];
        long balanceCents = balance.isEmpty() ? 0 : ((Number) balance.get(0)[1]).longValue();
        Instant monthStart = LocalDate.now(clock).withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Object[]> spend = dashboard.spendSince(owner, monthStart);
        long spendCents = spend.isEmpty() ? 0 : ((Number) spend.get(0)[1]).longValue();
        return new DashboardStatsView(dashboard.games(owner),
                new DashboardStatsView.DashboardPlaytestCounts(count(playtests, PlaytestStatus.OPEN),
                        count(playtests, PlaytestStatus.COMPLETED), count(playtests, PlaytestStatus.CANCELLED)),
                new SlotCounts((int) count(slots, SlotStatus.OPEN), (int) count(slots, SlotStatus.RESERVED),
                        (int) count(slots, SlotStatus.SUBMITTED), (int) count(slots, SlotStatus.ACCEPTED),
                        (int) count(slots, SlotStatus.REJECTED), (int) count(slots, SlotStatus.EXPIRED)),
                count(slots, SlotStatus.SUBMITTED), spendCents, balanceCents, currency);
    }

    private static Map<String, Long> counts(List<Object[]> rows) {
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    private static long count(Map<String, Long> counts, Enum<?> status) {
        return counts.getOrDefault(status.name(), 0L);
    }
}
