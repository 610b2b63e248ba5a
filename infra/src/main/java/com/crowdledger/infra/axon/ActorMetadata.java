package com.crowdledger.infra.axon;

import com.crowdledger.infra.web.RequestCaller;
import com.crowdledger.infra.web.RequestIds;
import com.crowdledger.infra.web.TrustedProxies;
import com.crowdledger.shared.ActorMetadataKeys;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.NoClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who did it: every command records its actor in its metadata when it is sent, and Axon copies that metadata onto
 * every event the command applies, so each stored event says who caused it (the event log shows it). The keys are
 * {@link ActorMetadataKeys}:
 * <ul>
 *   <li>{@value #ACTOR}: {@code api_key}, {@code dashboard_session}, {@code anonymous} (a public endpoint) or
 *       {@code system} (no request: a deadline, a scheduled task, an event processor);</li>
 *   <li>{@value #ACCOUNT_ID}, {@value #KEY_ID} (keys only), {@value #REQUEST_ID}, {@value #CLIENT_ADDRESS} (not for a
 *       command marked {@link NoClientAddress}: an anonymous visitor's address is personal data).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ActorMetadata {
    static final String ACTOR = ActorMetadataKeys.ACTOR;
    static final String ACCOUNT_ID = ActorMetadataKeys.ACCOUNT_ID;
    static final String KEY_ID = ActorMetadataKeys.KEY_ID;
    static final String REQUEST_ID = ActorMetadataKeys.REQUEST_ID;
    static final String CLIENT_ADDRESS = ActorMetadataKeys.CLIENT_ADDRESS;
    static final List<String> KEYS = List.of(ACTOR, ACCOUNT_ID, KEY_ID, REQUEST_ID, CLIENT_ADDRESS);

    @Bean
    CorrelationDataProvider actorOntoEvents() {
        return new SimpleCorrelationDataProvider(KEYS.toArray(String[]::new));
    }

    /** Axon's own correlation and trace ids, which declaring a provider above would otherwise switch off. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    static MessageDispatchInterceptor<CommandMessage<?>> actorOfTheCurrentRequest(TrustedProxies proxies) {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                    List<? extends CommandMessage<?>> messages) {
                return (index, command) -> command.andMetaData(actor(proxies,
                        !command.getPayloadType().isAnnotationPresent(NoClientAddress.class)));
            }
        };
    }

    static Map<String, String> actor(TrustedProxies proxies, boolean withClientAddress) {
        Map<String, String> actor = new HashMap<>();
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            actor.put(ACTOR, ActorMetadataKeys.SYSTEM);
            return actor;
        }
        HttpServletRequest request = attributes.getRequest();
        Caller caller = RequestCaller.of(request);
        if (caller == null) {
            actor.put(ACTOR, "anonymous");
        } else {
            actor.put(ACTOR, caller.isDashboardSession() ? "dashboard_session" : "api_key");
            actor.put(ACCOUNT_ID, caller.accountId());
            if (caller.keyId() != null) {
                actor.put(KEY_ID, caller.keyId());
            }
        }
        actor.put(REQUEST_ID, RequestIds.of(request));
        if (withClientAddress) {
            actor.put(CLIENT_ADDRESS, proxies.clientAddress(request));
        }
        return actor;
    }
}
