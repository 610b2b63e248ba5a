package com.crowdledger.infra.axon;

import com.crowdledger.command.consistency.TransactionLocks;
import com.crowdledger.infra.web.TrustedProxies;
import com.crowdledger.shared.error.DomainException;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.springframework.context.annotation.Configuration;

/**
 * What happens to every command: when it is sent, its actor is added to its metadata ({@link ActorMetadata}); around
 * its handler, in this order:
 * <ol>
 *   <li>a {@link DomainException} leaves as a {@link CommandExecutionException} whose details are the
 *       {@link com.crowdledger.shared.error.DomainError}: the form in which Axon carries a failure back across a
 *       distributed command bus, so the client's error does not depend on which node handled the command;</li>
 *   <li>the target aggregate is locked for the transaction ({@link TransactionLocks}) before it is loaded, so
 *       concurrent commands on one aggregate, from any node, take turns instead of failing to append.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class CommandInterceptors {

    CommandInterceptors(CommandBus commandBus, TransactionLocks locks, TrustedProxies proxies) {
        commandBus.registerDispatchInterceptor(ActorMetadata.actorOfTheCurrentRequest(proxies));
        commandBus.registerHandlerInterceptor(domainErrorsAsDetails());
        commandBus.registerHandlerInterceptor(aggregateLocking(locks));
    }

    static MessageHandlerInterceptor<CommandMessage<?>> domainErrorsAsDetails() {
        return (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (DomainException e) {
                throw new CommandExecutionException(e.getMessage(), e, e.toError());
            }
        };
    }

    static MessageHandlerInterceptor<CommandMessage<?>> aggregateLocking(TransactionLocks locks) {
        CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
        return (unitOfWork, chain) -> {
            String aggregateId = targetOf(targets, unitOfWork.getMessage());
            if (aggregateId != null) {
                locks.lockAggregate(aggregateId);
            }
            return chain.proceed();
        };
    }

    /**
     * Whether a command class names its target: a command no aggregate handles (a postback, a click) is known as such
     * from its class, without the resolver's exception, and its stack trace, on every command.
     */
    private static final ClassValue<Boolean> NAMES_TARGET = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return StreamSupport.stream(ReflectionUtils.fieldsOf(type).spliterator(), false)
                    .anyMatch(field -> AnnotationUtils.isAnnotationPresent(field, TargetAggregateIdentifier.class))
                    || StreamSupport.stream(ReflectionUtils.methodsOf(type).spliterator(), false)
                    .anyMatch(method -> AnnotationUtils.isAnnotationPresent(method, TargetAggregateIdentifier.class));
        }
    };

    /** The command's {@code @TargetAggregateIdentifier}; null for a command no aggregate handles. */
    private static String targetOf(CommandTargetResolver targets, CommandMessage<?> command) {
        if (!NAMES_TARGET.get(command.getPayloadType())) {
            return null;
        }
        try {
            return targets.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return null;
        }
    }
}
