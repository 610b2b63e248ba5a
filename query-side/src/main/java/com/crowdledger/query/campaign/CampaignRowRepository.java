package com.crowdledger.query.campaign;

import com.crowdledger.events.campaign.CampaignStatus;
import com.crowdledger.query.paging.Keyset;
import com.crowdledger.query.tenancy.CrossTenant;
import com.crowdledger.query.tenancy.Tenancy;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Platform;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CampaignRowRepository extends JpaRepository<CampaignRow, String> {
    @Query("select e from CampaignRow e where e.id = :id and " + Tenancy.OWNED)
    Optional<CampaignRow> find(Tenant tenant, String id);

    /** One page of the tenant's campaigns, newest first, optionally of one status and platform (index campaigns_account). */
    @Query("select e from CampaignRow e where " + Tenancy.OWNED
            + " and (:status is null or e.status = :status) and (:platform is null or e.platform = :platform)"
            + " and " + Keyset.AFTER + " order by " + Keyset.NEWEST_FIRST)
    List<CampaignRow> page(Tenant tenant, CampaignStatus status, Platform platform, Instant afterCreatedAt,
                           String afterId, Limit limit);

    /** Active campaigns of a mode with free places on the given platforms that the tester has not joined. */
    @CrossTenant("testers discover the active campaigns of every account in their mode (public fields only)")
    @Query("select e from CampaignRow e where e.mode = :mode and e.status = 'ACTIVE' and e.platform in :platforms"
            + " and e.testersJoined < e.testersRequired and not exists (select m from CampaignMemberRow m"
            + " where m.campaignId = e.id and m.testerAccountId = :testerAccountId)"
            + " and " + Keyset.AFTER + " order by " + Keyset.NEWEST_FIRST)
    List<CampaignRow> openPage(Mode mode, Collection<Platform> platforms, String testerAccountId,
                               Instant afterCreatedAt, String afterId, Limit limit);
}
