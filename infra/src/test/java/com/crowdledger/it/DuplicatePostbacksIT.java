package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.it.TrackingFixtures.Offer;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A txn_id the offer has seen records nothing, also when a hundred postbacks of it arrive at once: on many threads
 * of one node, and split over two nodes of one database. The unique index on (offer, txn_id) decides, in each
 * postback's transaction.
 */
class DuplicatePostbacksIT extends IntegrationTest {
    private static final int POSTBACKS = 100;

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void hundredConcurrentPostbacksOfOneTxnIdMakeOneConversion() throws Exception {
        TrackingFixtures tracking = new TrackingFixtures(api, accounts.verifiedOwner("live"), "live");
        Offer offer = tracking.offer("burst", Map.of());
        tracking.partner("pat");
        String click = tracking.click(api.fromAnotherAddress(), "burst", "pat");
        ApiClient advertiser = api.fromAnotherAddress();

        List<ApiClient.Response> answers = AllAtOnce.send(POSTBACKS, i -> tracking.postbackBySecret(advertiser, "burst",
                Map.of("click_id", click, "txn_id", "order-42", "amount", "19.99", "secret", offer.secret())).send());

        assertOneConversion(tracking, offer, answers);
    }

    @Test
    void hundredConcurrentPostbacksOfOneTxnIdOnTwoNodesMakeOneConversion() throws Exception {
        TrackingFixtures tracking = new TrackingFixtures(api, accounts.verifiedOwner("live"), "live");
        Offer offer = tracking.offer("burst-two-nodes", Map.of());
        tracking.partner("pat");
        String click = tracking.click(api.fromAnotherAddress(), "burst-two-nodes", "pat");
        ApiClient advertiser = api.fromAnotherAddress();
        ApiClient sameAdvertiserOnSecondNode = SecondInstance.api(dataSource).from(advertiser.clientAddress());

        List<ApiClient.Response> answers = AllAtOnce.send(POSTBACKS, i -> tracking.postbackBySecret(
                i % 2 == 0 ? advertiser : sameAdvertiserOnSecondNode, "burst-two-nodes",
                Map.of("click_id", click, "txn_id", "order-43", "secret", offer.secret())).send());

        assertOneConversion(tracking, offer, answers);
    }

    private void assertOneConversion(TrackingFixtures tracking, Offer offer, List<ApiClient.Response> answers) {
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(200, 201));
        List<ApiClient.Response> created = answers.stream().filter(a -> a.status() == 201).toList();
        assertThat(created).hasSize(1);
        String id = created.get(0).data().path("id").asText();
        assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(POSTBACKS - 1)
                .allSatisfy(duplicate -> {
                    assertThat(duplicate.data().path("duplicate").asBoolean()).isTrue();
                    assertThat(duplicate.data().path("id").asText()).isEqualTo(id);
                });
        assertThat(jdbc.queryForObject("select count(*) from tracking_conversions where offer_id = ?", Long.class,
                offer.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where type = 'Conversion' and "
                + "convert_from(payload, 'UTF8') like ?", Long.class, "%" + offer.id() + "%")).isEqualTo(1);
        assertThat(TrackingFixtures.eventually(() -> api.get("/v1/conversions?offer=" + offer.id())
                .key(tracking.key()).send().data(), data -> data.size() == 1)).hasSize(1);
    }

}
