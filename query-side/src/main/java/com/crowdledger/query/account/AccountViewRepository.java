package com.crowdledger.query.account;

import com.crowdledger.query.tenancy.CrossTenant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountViewRepository extends JpaRepository<AccountView, String> {
    @CrossTenant("an account is the tenant itself: authentication and login read it by id")
    @Override
    Optional<AccountView> findById(String id);

    @CrossTenant("login finds the account by its e-mail address, before anyone is known")
    Optional<AccountView> findByEmail(String email);
}
