package com.crowdledger.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The feed exists only when bootstrap servers are named: unset or blank (the unset env variable) means off. */
class KafkaFeedSwitchTest {
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean("defaultAxonObjectMapper", ObjectMapper.class, ObjectMapper::new)
            .withUserConfiguration(KafkaFeedConfiguration.class);

    @Test
    void offWhenBootstrapServersAreUnset() {
        context.run(app -> assertThat(app).doesNotHaveBean(Producer.class).doesNotHaveBean(KafkaFeedPublisher.class));
    }

    @Test
    void offWhenBootstrapServersAreBlankAsWhenTheEnvironmentVariableIsUnset() {
        context.withPropertyValues("crowdledger.kafka.bootstrap-servers=")
                .run(app -> assertThat(app).doesNotHaveBean(Producer.class)
                        .doesNotHaveBean(KafkaFeedPublisher.class));
    }

    @Test
    void onWhenBootstrapServersAreSet() {
        context.withPropertyValues("crowdledger.kafka.bootstrap-servers=127.0.0.1:9",
                        "crowdledger.kafka.producer.compression.type=gzip", "crowdledger.kafka.producer.acks=0")
                .run(app -> {
                    assertThat(app).hasSingleBean(Producer.class).hasSingleBean(KafkaFeedPublisher.class);
                    KafkaFeedSettings settings = app.getBean(KafkaFeedSettings.class);
                    assertThat(settings.topicPrefix()).isEqualTo("crowdledger");
                    var config = KafkaFeedConfiguration.producerConfig(settings);
                    assertThat(config).containsEntry("compression.type", "gzip").containsEntry("acks", "all")
                            .containsEntry("enable.idempotence", true);
                });
    }
}
