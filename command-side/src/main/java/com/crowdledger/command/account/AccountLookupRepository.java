package com.crowdledger.command.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountLookupRepository extends JpaRepository<AccountLookupEntry, String> {
    Optional<AccountLookupEntry> findByEmail(String email);

    boolean existsBySlug(String slug);

    Optional<AccountLookupEntry> findByVerificationTokenHash(String verificationTokenHash);
}
