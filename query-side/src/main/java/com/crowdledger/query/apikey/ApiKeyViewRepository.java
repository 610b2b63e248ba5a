package com.crowdledger.query.apikey;

import com.crowdledger.shared.Mode;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApiKeyViewRepository extends JpaRepository<ApiKeyView, String> {
    List<ApiKeyView> findByPrefix(String prefix);

    List<ApiKeyView> findByAccountIdOrderByCreatedAtDescIdDesc(String accountId);

    List<ApiKeyView> findByAccountIdAndModeOrderByCreatedAtDescIdDesc(String accountId, Mode mode);
}
