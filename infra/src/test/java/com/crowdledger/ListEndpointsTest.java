package com.crowdledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.web.ListPage;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Every list endpoint of the API pages the same way (SPEC §3: {@code limit}, {@code cursor}, {@code meta.hasMore}):
 * it takes a {@link PageRequest} and answers a {@link ListPage}. A bare collection would be an unbounded list with
 * {@code hasMore: false} that no client could page through.
 */
class ListEndpointsTest {

    @Test
    void listEndpointsTakeAPageRequestAndAnswerAListPage() {
        methods().that().areAnnotatedWith(GetMapping.class)
                .and().areDeclaredInClassesThat().resideInAnyPackage("com.crowdledger.query..",
                        "com.crowdledger.command..")
                .should(answerPagesNotCollections())
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.crowdledger"));
    }

    private static ArchCondition<JavaMethod> answerPagesNotCollections() {
        return new ArchCondition<>("answer a ListPage built from a PageRequest parameter, never a bare collection") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                JavaClass returned = method.getRawReturnType();
                if (returned.isArray() || returned.isAssignableTo(Collection.class)) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + " answers a bare " + returned.getSimpleName() + ": return a ListPage"));
                }
                boolean takesPage = method.getRawParameterTypes().stream()
                        .anyMatch(type -> type.isEquivalentTo(PageRequest.class));
                if (returned.isEquivalentTo(ListPage.class) && !takesPage) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + " answers a ListPage without a PageRequest parameter"));
                }
            }
        };
    }
}
