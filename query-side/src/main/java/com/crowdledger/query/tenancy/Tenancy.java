package com.crowdledger.query.tenancy;

/**
 * The JPQL of tenancy, written once. A read-model query names its entity {@code e} and takes a
 * {@link com.crowdledger.shared.web.Tenant} parameter named {@code tenant}:
 *
 * <pre>{@code
 *   @Query("select e from FooView e where e.id = :id and " + Tenancy.OWNED)
 *   Optional<FooView> find(Tenant tenant, String id);
 * }</pre>
 *
 * {@link #OWNED} is for rows owned by an account (columns {@code accountId} and {@code mode}); a row that also
 * belongs to a second party (a tester's bug in an owner's campaign) says so with its own column, e.g.
 * {@code e.testerAccountId = :#{#tenant.accountId()} and " + Tenancy.IN_MODES}. {@code TenancyTest} fails
 * the build for any read of a read model, outside its projection, by a repository method without a {@code Tenant}
 * parameter, unless the method says why it may cross tenants ({@link CrossTenant}).
 */
public final class Tenancy {
    /**
     * The tenant's modes, with single-valued parameters only: a collection parameter ({@code e.mode in :modes}) makes
     * Hibernate translate the query again on every execution (it caches no plan for multi-valued bindings), which
     * was a third of a projection's CPU in a profile. PostgreSQL folds the constant {@code false} away, so a key's
     * query is {@code e.mode = ?} and keeps its index order; a dashboard session's drops the mode.
     */
    public static final String IN_MODES = "(e.mode = :#{#tenant.someMode()} or :#{#tenant.seesEveryMode()} = true)";
    public static final String OWNED = "e.accountId = :#{#tenant.accountId()} and " + IN_MODES;

    private Tenancy() {
    }
}
