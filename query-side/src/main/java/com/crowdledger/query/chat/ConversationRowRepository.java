package com.crowdledger.query.chat;

import com.crowdledger.query.paging.Keyset;
import com.crowdledger.query.tenancy.Tenancy;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ConversationRowRepository extends JpaRepository<ConversationRow, String> {
    /** A conversation the tenant takes part in, as owner or tester, in one of its modes. */
    String PARTICIPANT = "(e.accountId = :#{#tenant.accountId()} or e.testerAccountId = :#{#tenant.accountId()})"
            + " and " + Tenancy.IN_MODES;

    @Query("select e from ConversationRow e where e.id = :id and " + PARTICIPANT)
    Optional<ConversationRow> find(Tenant tenant, String id);

    /** The owner's conversations, newest first (index chat_conversations_owner). */
    @Query("select e from ConversationRow e where " + Tenancy.OWNED + " and " + Keyset.AFTER
            + " order by " + Keyset.NEWEST_FIRST)
    List<ConversationRow> pageOfOwner(Tenant tenant, Instant afterCreatedAt, String afterId, Limit limit);

    /** The tester's conversations, newest first (index chat_conversations_tester). */
    @Query("select e from ConversationRow e where e.testerAccountId = :#{#tenant.accountId()}"
            + " and " + Tenancy.IN_MODES + " and " + Keyset.AFTER + " order by " + Keyset.NEWEST_FIRST)
    List<ConversationRow> pageOfTester(Tenant tenant, Instant afterCreatedAt, String afterId, Limit limit);
}
