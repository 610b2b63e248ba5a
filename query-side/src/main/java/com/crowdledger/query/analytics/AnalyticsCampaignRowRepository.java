package com.crowdledger.query.analytics;

import com.crowdledger.query.tenancy.Tenancy;
import com.crowdledger.shared.web.Tenant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AnalyticsCampaignRowRepository extends JpaRepository<AnalyticsCampaignRow, String> {
    @Query("select e from AnalyticsCampaignRow e where e.campaignId = :id and " + Tenancy.OWNED)
    Optional<AnalyticsCampaignRow> find(Tenant tenant, String id);
}
