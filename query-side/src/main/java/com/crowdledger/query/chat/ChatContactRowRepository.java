package com.crowdledger.query.chat;

import com.crowdledger.query.paging.Keyset;
import com.crowdledger.query.tenancy.CrossTenant;
import com.crowdledger.query.tenancy.Tenancy;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ChatContactRowRepository extends JpaRepository<ChatContactRow, String> {
    /** The testers who worked for the owner, newest first (index chat_contacts_owner). */
    @Query("select e from ChatContactRow e where " + Tenancy.OWNED + " and " + Keyset.AFTER
            + " order by " + Keyset.NEWEST_FIRST)
    List<ChatContactRow> pageOfOwner(Tenant tenant, Instant afterCreatedAt, String afterId, Limit limit);

    /** The accounts the tester worked for, newest first (index chat_contacts_tester). */
    @Query("select e from ChatContactRow e where e.testerAccountId = :#{#tenant.accountId()}"
            + " and " + Tenancy.IN_MODES + " and " + Keyset.AFTER + " order by " + Keyset.NEWEST_FIRST)
    List<ChatContactRow> pageOfTester(Tenant tenant, Instant afterCreatedAt, String afterId, Limit limit);

    @CrossTenant("the name and role of the other side of the caller's own contacts, found on the caller's page")
    @Query("select a from ChatAccountRow a where a.accountId in :accountIds")
    List<ChatAccountRow> accounts(Collection<String> accountIds);
}
