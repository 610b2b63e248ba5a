package com.crowdledger.query.tenancy;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.data.spel.EvaluationContextProvider;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * Evaluates the repositories' expressions ({@link Tenancy}'s {@code :#{#tenant.accountId()}}) in a plain, read-only
 * SpEL context. Spring Data's default assembles a context for every expression of every call, adapting each
 * evaluation-context extension again, and its extra method resolver keeps SpEL from caching the accessor it found: in
 * a profile of {@code GET /v1/analytics} that was a fifth of the request's CPU, more than running the query. The
 * expressions only call a parameter's accessors, so they need neither extensions nor bean references.
 */
@Configuration(proxyBeanMethods = false)
class TenancyExpressions {
    private static final EvaluationContextProvider PLAIN = root -> SimpleEvaluationContext.forReadOnlyDataBinding()
            .withInstanceMethods().withRootObject(root).build();

    @Bean
    static BeanPostProcessor plainRepositoryExpressions() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof RepositoryFactoryBeanSupport<?, ?, ?> repositories) {
                    repositories.setEvaluationContextProvider(PLAIN);
                }
                return bean;
            }
        };
    }
}
