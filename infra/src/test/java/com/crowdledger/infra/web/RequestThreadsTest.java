package com.crowdledger.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.mock.env.MockEnvironment;

class RequestThreadsTest {

    @Test
    void requestThreadsAreAFewPerCore() {
        AbstractProtocol<?> protocol = customized(new MockEnvironment());
        int threads = RequestThreads.PER_CORE * Runtime.getRuntime().availableProcessors();
        assertThat(protocol.getMaxThreads()).isEqualTo(threads);
        assertThat(protocol.getMinSpareThreads()).isLessThanOrEqualTo(threads);
    }

    @Test
    void anOperatorsSettingIsLeftAlone() {
        AbstractProtocol<?> protocol = customized(new MockEnvironment().withProperty(RequestThreads.SETTING, "64"));
        assertThat(protocol.getMaxThreads()).isEqualTo(200); // Tomcat's; Spring Boot applies the setting itself
    }

    private static AbstractProtocol<?> customized(MockEnvironment environment) {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        new RequestThreads(environment).customize(factory);
        Connector connector = new Connector();
        factory.getConnectorCustomizers().forEach(customizer -> customizer.customize(connector));
        return (AbstractProtocol<?>) connector.getProtocolHandler();
    }
}
