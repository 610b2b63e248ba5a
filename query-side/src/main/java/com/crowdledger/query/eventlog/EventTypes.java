package com.crowdledger.query.eventlog;

import com.crowdledger.shared.ReadScope;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.TenantEvent;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The public name of every event type, as webhooks and the event log show it, and the catalog of them.
 *
 * <p>One rule makes the name from the event class, so a feature's new events are named without editing anything:
 * {@code <family>.<what happened>}, in lower-case snake case, where the family is the event's package under
 * {@code com.crowdledger.events} (spelled as the class name spells it when the name starts with it) and what happened
 * is the rest of the class name less {@code Event}: {@code apikey.ApiKeyIssuedEvent} is {@code api_key.issued},
 * {@code account.AccountEmailVerifiedEvent} {@code account.email_verified}, {@code webhook.WebhookSecretRotatedEvent}
 * {@code webhook.secret_rotated}. Names are stored (delivery rows, the event log, endpoints' subscriptions): renaming
 * an event class renames its type, which needs the same care as any stored event change.
 *
 * <p>The catalog is every {@link TenantEvent} record under {@code com.crowdledger.events}, found on the class path at
 * start-up, plus {@value #WEBHOOK_TEST}, which only {@code POST /v1/webhooks/:id/test} sends. Each family declares
 * the scope that reads it in the event log ({@link ReadScope} on its package).
 */
@Component
public class EventTypes {
    public static final String EVENTS_PACKAGE = "com.crowdledger.events";
    public static final String WEBHOOK_TEST = "webhook.test";
    private static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return name(type);
        }
    };

    private final SortedMap<String, Class<?>> catalog;
    private final Map<Scope, Set<String>> readableWith = new EnumMap<>(Scope.class);

    EventTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(TenantEvent.class));
        SortedMap<String, Class<?>> types = new TreeMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(EVENTS_PACKAGE)) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), getClass().getClassLoader());
            if (type.isRecord()) {
                Class<?> clash = types.put(nameOf(type), type);
                if (clash != null) {
                    throw new IllegalStateException(type.getName() + " and " + clash.getName()
                            + " would have the same event type name " + nameOf(type) + ": rename one");
                }
            }
        }
        this.catalog = Collections.unmodifiableSortedMap(types);
        types.forEach((name, type) -> readableWith.computeIfAbsent(readScopeOf(type), scope -> new TreeSet<>())
                .add(name));
    }

    private static Scope readScopeOf(Class<?> type) {
        ReadScope declared = type.getPackage().getAnnotation(ReadScope.class);
        if (declared == null) {
            throw new IllegalStateException(type.getPackageName() + " must declare @ReadScope in its package-info.java: "
                    + "the scope that reads its events in the event log");
        }
        return declared.value();
    }

    /** The event types a key of these scopes reads in the event log. */
    public Set<String> readableWith(Collection<Scope> scopes) {
        Set<String> names = new TreeSet<>();
        scopes.forEach(scope -> names.addAll(readableWith.getOrDefault(scope, Set.of())));
        return names;
    }

    /** The event type name of an event class. */
    public static String nameOf(Class<?> eventType) {
        return NAMES.get(eventType);
    }

    /** Every event record by name, in name order ({@value #WEBHOOK_TEST} is not a record and not here). */
    public SortedMap<String, Class<?>> catalog() {
        return catalog;
    }

    private static String name(Class<?> type) {
        String simple = type.getSimpleName();
        String what = simple.endsWith("Event") && simple.length() > "Event".length()
                ? simple.substring(0, simple.length() - "Event".length()) : simple;
        String packageName = type.getPackageName();
        String family = packageName.substring(packageName.lastIndexOf('.') + 1);
        int familyLength = family.length();
        if (what.toLowerCase(Locale.ROOT).startsWith(family) && what.length() > familyLength) {
            family = snake(what.substring(0, familyLength));
            what = what.substring(familyLength);
        }
        return family + "." + snake(what);
    }

    /** {@code ApiKey} → {@code api_key}, {@code HTTPEndpoint} → {@code http_endpoint}. */
    private static String snake(String camel) {
        return camel.replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
                .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT);
    }
}
