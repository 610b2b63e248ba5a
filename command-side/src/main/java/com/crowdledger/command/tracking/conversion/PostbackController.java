package com.crowdledger.command.tracking.conversion;

import com.crowdledger.command.tracking.TrackingValues;
import com.crowdledger.command.tracking.offer.OfferLookup;
import com.crowdledger.command.tracking.offer.OfferTerms;
import com.crowdledger.queries.conversion.ConversionSummary;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.WireNames;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.tracking.ConversionKind;
import com.crowdledger.shared.web.Errors;
import com.crowdledger.shared.web.NoIdempotencyKey;
import com.crowdledger.shared.web.PublicEndpoint;
import com.crowdledger.shared.web.Tenant;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Postbacks an advertiser's server sends with the offer's secret instead of an API key:
 * {@code GET /postback/<brand>/<offer>?click_id=..&secret=..} (fields as query parameters) or {@code POST} with the
 * fields as JSON (test offers: {@code &mode=test}). The secret goes in {@code X-Postback-Secret}, which wins over
 * {@code ?secret=}; a missing or wrong one is 401. Limited per brand and offer (the {@value #LIMIT_GROUP} group), not
 * per address: an advertiser sends every postback from its one server.
 */
@RestController
@RequestMapping("/postback/{brand}/{offer}")
@PublicEndpoint(limit = PostbackController.LIMIT_GROUP)
@Errors({ErrorCode.INVALID_CREDENTIALS, ErrorCode.CLICK_EXPIRED})
class PostbackController {
    static final String LIMIT_GROUP = "postback";
    static final String SECRET_HEADER = "X-Postback-Secret";

    private final CommandGateway commands;
    private final OfferLookup offers;

    PostbackController(CommandGateway commands, OfferLookup offers) {
        this.commands = commands;
        this.offers = offers;
    }

    @GetMapping
    @ApiResponse(responseCode = "201", description = "A new conversion",
            content = @Content(schema = @Schema(implementation = ConversionSummary.class)))
    @ApiResponse(responseCode = "200", description = "The offer has seen this txn_id: nothing changed, and id is "
            + "the conversion it recorded", content = @Content(schema = @Schema(implementation = DuplicateConversion.class)))
    ResponseEntity<Object> get(@PathVariable String brand, @PathVariable String offer,
                               @RequestParam(name = ConversionPostback.CLICK_ID, required = false) String clickId,
                               @RequestParam(required = false) String amount,
                               @RequestParam(required = false) String payout,
                               @RequestParam(name = ConversionPostback.TXN_ID, required = false) String txnId,
                               @RequestParam(required = false) String event,
                               @RequestParam(required = false) String currency,
                               @RequestParam(name = ConversionPostback.COUPON_CODE, required = false) String couponCode,
                               @RequestParam(required = false) String secret,
                               @RequestParam(required = false) String mode,
                               @RequestHeader(name = SECRET_HEADER, required = false) String secretHeader) {
        OfferTerms terms = authorizedOffer(brand, offer, mode, secretHeader != null ? secretHeader : secret);
        return record(terms, ConversionPostback.fromQuery(clickId, amount, payout, txnId, kind(event), currency,
                couponCode));
    }

    /**
     * No {@code Idempotency-Key}: the txn_id deduplicates, and a replay would answer before the secret is checked (the
     * layer tells anonymous callers apart only by address).
     */
    @PostMapping
    @NoIdempotencyKey
    @ApiResponse(responseCode = "201", description = "A new conversion",
            content = @Content(schema = @Schema(implementation = ConversionSummary.class)))
    @ApiResponse(responseCode = "200", description = "The offer has seen this txn_id: nothing changed, and id is "
            + "the conversion it recorded", content = @Content(schema = @Schema(implementation = DuplicateConversion.class)))
    ResponseEntity<Object> post(@PathVariable String brand, @PathVariable String offer,
                                @RequestParam(required = false) String secret,
                                @RequestParam(required = false) String mode,
                                @RequestHeader(name = SECRET_HEADER, required = false) String secretHeader,
                                @RequestBody ConversionPostback postback) {
        return record(authorizedOffer(brand, offer, mode, secretHeader != null ? secretHeader : secret), postback);
    }

    private ResponseEntity<Object> record(OfferTerms terms, ConversionPostback postback) {
        Tenant offerOwner = new Tenant(terms.accountId(), EnumSet.of(terms.mode()));
        RecordedConversion recorded = commands.sendAndWait(postback.toCommand(offerOwner, terms.offerId()));
        return recorded.toResponse();
    }

    /** The offer behind the URL (404 without one), if the secret is its own (401 otherwise). */
    private OfferTerms authorizedOffer(String brand, String offer, String mode, String secret) {
        Mode world = mode == null || "live".equals(mode) ? Mode.LIVE : "test".equals(mode) ? Mode.TEST : null;
        if (world == null) {
            throw DomainException.invalid("mode", "must be live or test");
        }
        OfferTerms terms = Stream.of(brand, offer).allMatch(slug -> slug.length() <= TrackingValues.MAX_SLUG_LENGTH)
                ? offers.published(brand, offer, world).orElse(null) : null;
        if (terms == null) {
            throw DomainException.notFound("Offer");
        }
        if (secret == null || secret.isEmpty()) {
            throw new DomainException(ErrorCode.INVALID_CREDENTIALS, "Send the offer's postback secret in the "
                    + SECRET_HEADER + " header (or as ?secret=)");
        }
        if (!terms.acceptsSecret(secret, Instant.now())) {
            throw new DomainException(ErrorCode.INVALID_CREDENTIALS, "The postback secret is not this offer's");
        }
        return terms;
    }

    private static ConversionKind kind(String event) {
        try {
            return event == null || event.isEmpty() ? null : ConversionKind.fromWire(event);
        } catch (WireNames.UnknownName e) {
            throw DomainException.invalid("event", e.getMessage());
        }
    }
}
