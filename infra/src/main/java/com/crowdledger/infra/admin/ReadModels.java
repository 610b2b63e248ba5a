package com.crowdledger.infra.admin;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;

/**
 * The rebuildable read models: every processing group of the query side whose handler can be reset
 * ({@code @ResetHandler}). Its tables are those of the JPA entities in the projection's own package (package by
 * feature keeps a read model's entities beside its projection). Lookups, the auth cache and the Kafka feed have no
 * reset handler, so a rebuild never touches them and never re-sends anything.
 */
@Component
class ReadModels {
    record ReadModel(String name, Object projection, List<String> tables) {
    }

    private final Map<String, ReadModel> byName = new TreeMap<>();

    ReadModels(ApplicationContext context, EntityManagerFactory entityManagerFactory) {
        List<EntityType<?>> entities = List.copyOf(entityManagerFactory.getMetamodel().getEntities());
        for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            if (!type.getPackageName().startsWith("com.crowdledger.query") || !hasResetHandler(type)) {
                continue;
            }
            String name = AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class).value();
            List<String> tables = entities.stream()
                    .map(EntityType::getJavaType)
                    .filter(entity -> entity.getPackageName().equals(type.getPackageName()))
                    .map(entity -> entity.getAnnotation(Table.class).name())
                    .sorted()
                    .toList();
            byName.put(name, new ReadModel(name, bean, tables));
        }
    }

    List<ReadModel> all() {
        return List.copyOf(byName.values());
    }

    ReadModel named(String name) {
        return byName.get(name);
    }

    private static boolean hasResetHandler(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).map(Method::getDeclaredAnnotations)
                .flatMap(Arrays::stream).anyMatch(a -> a.annotationType() == ResetHandler.class);
    }
}
