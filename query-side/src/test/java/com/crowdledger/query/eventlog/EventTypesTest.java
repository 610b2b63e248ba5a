package com.crowdledger.query.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.events.account.AccountEmailVerifiedEvent;
import com.crowdledger.events.account.AccountRegisteredEvent;
import com.crowdledger.events.apikey.ApiKeyIssuedEvent;
import com.crowdledger.events.webhook.WebhookEndpointCreatedEvent;
import com.crowdledger.events.webhook.WebhookSecretRotatedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypesTest {
    /** An event whose name does not start with its package's: the package names the family alone. */
    record SomethingHappenedEvent() {
    }

    @Test
    void theNameIsTheFamilyAndWhatHappenedInSnakeCase() {
        assertThat(EventTypes.nameOf(ApiKeyIssuedEvent.class)).isEqualTo("api_key.issued");
        assertThat(EventTypes.nameOf(AccountEmailVerifiedEvent.class)).isEqualTo("account.email_verified");
        assertThat(EventTypes.nameOf(AccountRegisteredEvent.class)).isEqualTo("account.registered");
        assertThat(EventTypes.nameOf(WebhookSecretRotatedEvent.class)).isEqualTo("webhook.secret_rotated");
        assertThat(EventTypes.nameOf(WebhookEndpointCreatedEvent.class)).isEqualTo("webhook.endpoint_created");
        assertThat(EventTypes.nameOf(SomethingHappenedEvent.class)).isEqualTo("eventlog.something_happened");
    }

    @Test
    void theCatalogHoldsEveryEventRecordOfTheContract() {
        EventTypes types = new EventTypes();
        assertThat(types.catalog()).containsEntry("api_key.issued", ApiKeyIssuedEvent.class)
                .containsEntry("webhook.secret_rotated", WebhookSecretRotatedEvent.class)
                .doesNotContainKey("eventlog.something_happened");
        assertThat(List.copyOf(types.catalog().keySet())).isSorted().allMatch(name -> name.matches("[a-z0-9_]+\\.[a-z0-9_]+"));
    }
}
