package com.crowdledger.query.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountViewRepository extends JpaRepository<AccountView, String> {
    Optional<AccountView> findByEmail(String email);
}
