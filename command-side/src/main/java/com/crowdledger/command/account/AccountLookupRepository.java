package com.crowdledger.command.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountLookupRepository extends JpaRepository<AccountLookupEntry, String> {
    boolean existsByEmail(String email);

    boolean existsBySlug(String slug);

    Optional<AccountLookupEntry> findByVerificationTokenHash(String verificationTokenHash);
}
