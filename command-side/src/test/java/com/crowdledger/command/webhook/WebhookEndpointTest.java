package com.crowdledger.command.webhook;

import static com.crowdledger.command.DomainErrors.domainError;
import static com.crowdledger.command.DomainErrors.invalidField;

import com.crowdledger.events.webhook.WebhookDisabledReason;
import com.crowdledger.events.webhook.WebhookEndpointChangedEvent;
import com.crowdledger.events.webhook.WebhookEndpointCreatedEvent;
import com.crowdledger.events.webhook.WebhookEndpointDeletedEvent;
import com.crowdledger.events.webhook.WebhookEndpointDisabledEvent;
import com.crowdledger.events.webhook.WebhookEndpointEnabledEvent;
import com.crowdledger.events.webhook.WebhookEndpointStatus;
import com.crowdledger.events.webhook.WebhookSecretRotatedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {
    private static final Instant CREATED_AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant NOW = CREATED_AT.plus(Duration.ofDays(1));
    private static final String ID = "whk_0123456789abcdefABCDEF";
    private static final String ACCOUNT = "acct_owner";
    private static final String URL = "https://hooks.example.com/crowdledger";
    private static final List<String> ALL = List.of("*");
    private static final Tenant OWNER_TEST = new Tenant(ACCOUNT, EnumSet.of(Mode.TEST));
    private static final Tenant OWNER_LIVE = new Tenant(ACCOUNT, EnumSet.of(Mode.LIVE));
    private static final Tenant STRANGER = new Tenant("acct_stranger", EnumSet.of(Mode.TEST));

    private FixtureConfiguration<WebhookEndpoint> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WebhookEndpoint.class);
    }

    private static WebhookEndpointCreatedEvent created() {
        return new WebhookEndpointCreatedEvent(ID, ACCOUNT, Mode.TEST, URL, ALL, null, "sec_first", CREATED_AT);
    }

    private TestExecutor<WebhookEndpoint> givenAnEndpoint() {
        return fixture.given(created()).andGivenCurrentTime(NOW);
    }

    @Test
    void canRegisterAnEndpointInTheKeysMode() {
        fixture.givenCurrentTime(NOW)
                .when(new CreateWebhookEndpointCommand(ID, OWNER_TEST, Mode.TEST, URL, List.of("api_key.issued"),
                        "  billing  ", "sec_first"))
                .expectEvents(new WebhookEndpointCreatedEvent(ID, ACCOUNT, Mode.TEST, URL, List.of("api_key.issued"),
                        "billing", "sec_first", NOW));
    }

    @Test
    void cannotRegisterAnEndpointOfAnotherMode() {
        fixture.givenNoPriorActivity()
                .when(new CreateWebhookEndpointCommand(ID, OWNER_TEST, Mode.LIVE, URL, ALL, null, "sec_first"))
                .expectException(domainError(ErrorCode.FORBIDDEN));
    }

    @Test
    void cannotRegisterAnEndpointForNoEventType() {
        fixture.givenNoPriorActivity()
                .when(new CreateWebhookEndpointCommand(ID, OWNER_TEST, Mode.TEST, URL, List.of(), null, "sec_first"))
                .expectException(invalidField("eventTypes"));
    }

    @Test
    void cannotDescribeAnEndpointAtLength() {
        fixture.givenNoPriorActivity()
                .when(new CreateWebhookEndpointCommand(ID, OWNER_TEST, Mode.TEST, URL, ALL, "d".repeat(501),
                        "sec_first"))
                .expectException(invalidField("description"));
    }

    @Test
    void canChangeUrlTypesAndDescription() {
        givenAnEndpoint()
                .when(new ChangeWebhookEndpointCommand(ID, OWNER_TEST, "https://new.example.com/", List.of("a.b"),
                        "new", null))
                .expectEvents(new WebhookEndpointChangedEvent(ID, ACCOUNT, Mode.TEST, "https://new.example.com/",
                        List.of("a.b"), "new", NOW));
    }

    @Test
    void aChangeToWhatIsAlreadyThereRecordsNothing() {
        givenAnEndpoint()
                .when(new ChangeWebhookEndpointCommand(ID, OWNER_TEST, URL, ALL, "", WebhookEndpointStatus.ENABLED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void canDisableAndEnableAgain() {
        givenAnEndpoint()
                .when(new ChangeWebhookEndpointCommand(ID, OWNER_TEST, null, null, null,
                        WebhookEndpointStatus.DISABLED))
                .expectEvents(new WebhookEndpointDisabledEvent(ID, ACCOUNT, Mode.TEST, WebhookDisabledReason.REQUESTED,
                        NOW));
        fixture.given(created(), new WebhookEndpointDisabledEvent(ID, ACCOUNT, Mode.TEST, WebhookDisabledReason.GONE,
                        CREATED_AT))
                .andGivenCurrentTime(NOW)
                .when(new ChangeWebhookEndpointCommand(ID, OWNER_TEST, null, null, null,
                        WebhookEndpointStatus.ENABLED))
                .expectEvents(new WebhookEndpointEnabledEvent(ID, ACCOUNT, Mode.TEST, NOW));
    }

    @Test
    void anotherAccountOrTheOtherModeFindsNoEndpoint() {
        for (Tenant other : List.of(STRANGER, OWNER_LIVE)) {
            givenAnEndpoint()
                    .when(new ChangeWebhookEndpointCommand(ID, other, null, null, "mine now", null))
                    .expectException(domainError(ErrorCode.NOT_FOUND));
            givenAnEndpoint()
                    .when(new RotateWebhookSecretCommand(ID, other, "sec_stolen"))
                    .expectException(domainError(ErrorCode.NOT_FOUND));
            givenAnEndpoint()
                    .when(new DeleteWebhookEndpointCommand(ID, other))
                    .expectException(domainError(ErrorCode.NOT_FOUND));
        }
    }

    @Test
    void aRotatedSecretKeepsSigningForADay() {
        givenAnEndpoint()
                .when(new RotateWebhookSecretCommand(ID, OWNER_TEST, "sec_second"))
                .expectEvents(new WebhookSecretRotatedEvent(ID, ACCOUNT, Mode.TEST, "sec_second", "sec_first",
                        NOW.plus(Duration.ofHours(24)), NOW));
        fixture.given(created(), new WebhookSecretRotatedEvent(ID, ACCOUNT, Mode.TEST, "sec_second", "sec_first",
                        CREATED_AT.plus(Duration.ofHours(24)), CREATED_AT))
                .andGivenCurrentTime(NOW)
                .when(new RotateWebhookSecretCommand(ID, OWNER_TEST, "sec_third"))
                .expectEvents(new WebhookSecretRotatedEvent(ID, ACCOUNT, Mode.TEST, "sec_third", "sec_second",
                        NOW.plus(Duration.ofHours(24)), NOW));
    }

    @Test
    void aDeletedEndpointIsGoneForEveryCommand() {
        givenAnEndpoint()
                .when(new DeleteWebhookEndpointCommand(ID, OWNER_TEST))
                .expectEvents(new WebhookEndpointDeletedEvent(ID, ACCOUNT, Mode.TEST, NOW));
        WebhookEndpointDeletedEvent deleted = new WebhookEndpointDeletedEvent(ID, ACCOUNT, Mode.TEST, CREATED_AT);
        fixture.given(created(), deleted).when(new DeleteWebhookEndpointCommand(ID, OWNER_TEST))
                .expectException(domainError(ErrorCode.NOT_FOUND));
        fixture.given(created(), deleted).when(new RotateWebhookSecretCommand(ID, OWNER_TEST, "sec_x"))
                .expectException(domainError(ErrorCode.NOT_FOUND));
        fixture.given(created(), deleted)
                .when(new DisableFailedWebhookEndpointCommand(ID, WebhookDisabledReason.GONE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theDispatcherGivingUpDisablesAnEnabledEndpointOnce() {
        givenAnEndpoint()
                .when(new DisableFailedWebhookEndpointCommand(ID, WebhookDisabledReason.FAILING))
                .expectEvents(new WebhookEndpointDisabledEvent(ID, ACCOUNT, Mode.TEST, WebhookDisabledReason.FAILING,
                        NOW));
        fixture.given(created(), new WebhookEndpointDisabledEvent(ID, ACCOUNT, Mode.TEST,
                        WebhookDisabledReason.REQUESTED, CREATED_AT))
                .when(new DisableFailedWebhookEndpointCommand(ID, WebhookDisabledReason.GONE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
