package com.crowdledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.crowdledger.query.tenancy.CrossTenant;
import com.crowdledger.shared.web.Tenant;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/**
 * Tenancy in one place: outside the projections that write them, read models are read only through repository
 * methods that take the caller's {@link Tenant} (and filter with {@code Tenancy.OWNED}), or that say why they may
 * cross tenants ({@link CrossTenant}). An inherited {@code findById}/{@code findAll} or a query method without a
 * tenant fails this test.
 */
class TenancyTest {
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.crowdledger");

    @Test
    void readModelsAreReadOnlyWithinTheCallersTenant() {
        noClasses().that().areNotAnnotatedWith(ProcessingGroup.class)
                .should().callMethodWhere(readModelReadWithoutTenant())
                .because("every read of a read model is scoped by the caller's Tenant, or says why it crosses tenants")
                .check(PRODUCTION);
    }

    private static DescribedPredicate<JavaMethodCall> readModelReadWithoutTenant() {
        return new DescribedPredicate<>("a read-model repository method without a Tenant parameter or @CrossTenant") {
            @Override
            public boolean test(JavaMethodCall call) {
                if (!call.getTargetOwner().isAssignableTo(Repository.class)
                        || !call.getTargetOwner().getPackageName().startsWith("com.crowdledger.query")) {
                    return false;
                }
                JavaMethod method = call.getTarget().resolveMember().orElse(null);
                boolean takesTenant = call.getTarget().getRawParameterTypes().stream()
                        .anyMatch(type -> type.isEquivalentTo(Tenant.class));
                return !takesTenant && (method == null || !method.isAnnotatedWith(CrossTenant.class));
            }
        };
    }
}
