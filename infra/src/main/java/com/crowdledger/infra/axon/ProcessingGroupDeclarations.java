package com.crowdledger.infra.axon;

import com.crowdledger.shared.processing.Subscribing;
import com.crowdledger.shared.processing.Tracking;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DirectEventProcessingStrategy;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventProcessorSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * Registers the event processors as each processing group declares beside its handlers ({@link Subscribing} or
 * {@link Tracking}): nothing about a feature's processors lives in configuration files. A group that declares
 * neither, or both, or differently in two classes, stops the application from starting.
 *
 * <p>Every tracking group gets a processor of its own. The subscribing groups all share one processor,
 * {@value #IN_TRANSACTION}: each event of a command goes through a single unit of work that calls every subscribing
 * handler in turn, in the command's transaction, where a processor per group gave each event a unit of work, an
 * interceptor chain and a transaction join per group, whether or not the group handled it. Groups keep their names
 * (rebuilds and tests find them by group); they run in no set order, so no subscribing handler may read what another
 * group writes for the same event.
 *
 * <p>Every handler failure propagates ({@link PropagatingErrorHandler}): in a subscribing group it fails the command
 * (and rolls back its transaction), in a tracking group it fails the batch, which the processor retries. Axon's
 * default would log the failure and carry on, leaving a read model silently behind or a transaction that can only
 * roll back.
 */
@Component
class ProcessingGroupDeclarations implements ConfigurerModule {
    static final String IN_TRANSACTION = "in-transaction";

    private final ListableBeanFactory beans;

    ProcessingGroupDeclarations(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /** How one group is processed. Exactly one of {@code subscribing} and {@code tracking} is set. */
    record Declaration(String group, Subscribing subscribing, Tracking tracking) {
    }

    @Override
    public void configureModule(Configurer configurer) {
        EventProcessingConfigurer processing = configurer.eventProcessing();
        processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
        processing.registerEventProcessor(IN_TRANSACTION, ProcessingGroupDeclarations::inTransaction);
        for (Declaration declaration : declarations(handlerTypes()).values()) {
            if (declaration.subscribing() != null) {
                processing.assignProcessingGroup(declaration.group(), IN_TRANSACTION);
            } else {
                Tracking tracking = declaration.tracking();
                processing.registerTrackingEventProcessor(declaration.group(),
                        org.axonframework.config.Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forParallelProcessing(tracking.threads())
                                .andInitialSegmentsCount(tracking.threads())
                                .andBatchSize(tracking.batchSize())
                                .andInitialTrackingToken(tracking.fromStart()
                                        ? StreamableMessageSource::createTailToken
                                        : StreamableMessageSource::createHeadToken));
            }
        }
    }

    /** Axon's subscribing processor on the event bus, as {@code registerSubscribingEventProcessor} makes it, routed. */
    private static EventProcessor inTransaction(String name, org.axonframework.config.Configuration configuration,
                                                EventHandlerInvoker invoker) {
        EventProcessingConfiguration processing = configuration.eventProcessingConfiguration();
        return SubscribingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(new RoutedByType(invoker))
                .rollbackConfiguration(processing.rollbackConfiguration(name))
                .errorHandler(processing.errorHandler(name))
                .messageMonitor(processing.messageMonitor(SubscribingEventProcessor.class, name))
                .messageSource(configuration.eventBus())
                .processingStrategy(DirectEventProcessingStrategy.INSTANCE)
                .transactionManager(processing.transactionManager(name))
                .spanFactory(configuration.getComponent(EventProcessorSpanFactory.class))
                .build();
    }

    private List<Class<?>> handlerTypes() {
        return Arrays.stream(beans.getBeanNamesForAnnotation(ProcessingGroup.class))
                .map(beans::getType)
                .filter(Objects::nonNull)
                .<Class<?>>map(org.springframework.util.ClassUtils::getUserClass)
                .toList();
    }

    /** Each group's declaration, checked. */
    static Map<String, Declaration> declarations(Collection<Class<?>> handlerTypes) {
        Map<String, Declaration> byGroup = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Class<?> type : handlerTypes) {
            String group = AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class).value();
            Subscribing subscribing = type.getAnnotation(Subscribing.class);
            Tracking tracking = type.getAnnotation(Tracking.class);
            if ((subscribing == null) == (tracking == null)) {
                problems.add(type.getName() + " (group " + group + ") must declare exactly one of @Subscribing and "
                        + "@Tracking");
                continue;
            }
            if (subscribing != null) {
                routedByTypeOnly(type).ifPresent(problems::add);
            }
            Declaration declaration = new Declaration(group, subscribing, tracking);
            Declaration earlier = byGroup.putIfAbsent(group, declaration);
            if (earlier != null && !earlier.equals(declaration)) {
                problems.add(type.getName() + " declares group " + group + " unlike another class of the group");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Undeclared or inconsistent processing groups: " + problems);
        }
        return byGroup;
    }

    /** {@link RoutedByType} decides by the event's kind alone: a subscribing handler cannot match on metadata. */
    private static Optional<String> routedByTypeOnly(Class<?> type) {
        return Arrays.stream(ReflectionUtils.getAllDeclaredMethods(type))
                .filter(method -> AnnotatedElementUtils.hasAnnotation(method, EventHandler.class))
                .filter(method -> Arrays.stream(method.getParameters())
                        .anyMatch(parameter -> AnnotatedElementUtils.hasAnnotation(parameter, MetaDataValue.class)))
                .findFirst()
                .map(method -> type.getName() + "." + method.getName() + " (a subscribing handler) takes a "
                        + "@MetaDataValue: the in-transaction processor routes events by their type alone");
    }
}
