package com.crowdledger.query.chat;

import com.crowdledger.query.paging.Keyset;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ChatMessageRowRepository extends JpaRepository<ChatMessageRow, String> {
    /** A conversation's messages, newest first, if the tenant takes part in it (index chat_messages_conversation). */
    @Query("select e from ChatMessageRow e where e.conversationId = :conversationId and exists (select 1 from"
            + " ConversationRow c where c.id = :conversationId and (c.accountId = :#{#tenant.accountId()}"
            + " or c.testerAccountId = :#{#tenant.accountId()})"
            + " and (c.mode = :#{#tenant.someMode()} or :#{#tenant.seesEveryMode()} = true))" // Tenancy.IN_MODES
            + " and " + Keyset.AFTER + " order by " + Keyset.NEWEST_FIRST)
    List<ChatMessageRow> page(Tenant tenant, String conversationId, Instant afterCreatedAt, String afterId,
                              Limit limit);
}
