package com.crowdledger.query.feed;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The feed is on when {@code crowdledger.kafka.bootstrap-servers} is set and not blank. Not
 * {@code @ConditionalOnProperty}: application.yml maps the property to {@code ${KAFKA_BOOTSTRAP_SERVERS:}}, so when
 * the variable is unset the property is present but empty, and {@code @ConditionalOnProperty} would match it.
 */
final class KafkaFeedEnabled implements Condition {
    static final String PROPERTY = "crowdledger.kafka.bootstrap-servers";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String servers = context.getEnvironment().getProperty(PROPERTY);
        return servers != null && !servers.isBlank();
    }
}
