package com.crowdledger.command.tracking.click;

import com.crowdledger.command.tracking.TrackingValues;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.web.ClientAddress;
import com.crowdledger.shared.web.PublicEndpoint;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tracking link a partner publishes: {@code GET /r/<brand>/<offer>?via=<partner>&sub1=..&sub5=} (test offers:
 * {@code &mode=test}). It records the click and sends the visitor to the offer's stored destination with
 * {@code click_id} added; nothing in the request can change where it leads. A link that names no active offer or
 * partner of the brand gets a plain HTML page saying so, with status 404, and no redirect. Its requests are limited
 * per brand and offer (the {@value #LIMIT_GROUP} group), never per visitor address.
 */
@RestController
@PublicEndpoint(limit = ClickController.LIMIT_GROUP)
class ClickController {
    static final String LIMIT_GROUP = "click";
    static final int MAX_SUB_ID_LENGTH = 255;
    static final int MAX_USER_AGENT_LENGTH = 512;
    static final String NOT_FOUND_PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Link not found</title></head>
            <body><h1>This link leads nowhere</h1>
            <p>The offer or the partner of this tracking link does not exist, or is paused.</p></body></html>
            """;

    private final CommandGateway commands;
    private final ClickAddresses addresses;

    ClickController(CommandGateway commands, ClickAddresses addresses) {
        this.commands = commands;
        this.addresses = addresses;
    }

    @GetMapping("/r/{brand}/{offer}")
    @ApiResponse(responseCode = "302", description = "The click is recorded; Location is the offer's destination "
            + "with click_id added", headers = @Header(name = HttpHeaders.LOCATION, required = true,
            schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No active offer or partner of the brand has these slugs: an "
            + "HTML page for the visitor", content = @Content(mediaType = MediaType.TEXT_HTML_VALUE,
            schema = @Schema(type = "string")))
    ResponseEntity<String> click(@PathVariable String brand, @PathVariable String offer,
                                 @RequestParam(required = false) String via,
                                 @RequestParam(required = false) String sub1,
                                 @RequestParam(required = false) String sub2,
                                 @RequestParam(required = false) String sub3,
                                 @RequestParam(required = false) String sub4,
                                 @RequestParam(required = false) String sub5,
                                 @RequestParam(required = false) String mode,
                                 @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent,
                                 ClientAddress client) {
        Mode world = "test".equals(mode) ? Mode.TEST : mode == null || "live".equals(mode) ? Mode.LIVE : null;
        if (world == null || Stream.of(brand, offer, via)
                .anyMatch(slug -> slug == null || slug.length() > TrackingValues.MAX_SLUG_LENGTH)) {
            return notFound();
        }
        RecordedClick click = commands.sendAndWait(new RecordClickCommand(brand, offer, via, world, cut(sub1),
                cut(sub2), cut(sub3), cut(sub4), cut(sub5), addresses.fingerprint(client.value()),
                userAgent == null ? null : cut(userAgent, MAX_USER_AGENT_LENGTH)));
        if (click == null) {
            return notFound();
        }
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(Redirects.withClickId(click.destinationUrl(), click.clickId())))
                .cacheControl(CacheControl.noStore())
                .build();
    }

    private static ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(NOT_FOUND_PAGE);
    }

    private static String cut(String subId) {
        return subId == null || subId.isEmpty() ? null : cut(subId, MAX_SUB_ID_LENGTH);
    }

    /** At most {@code max} chars, never half a character (the read models would store a lone surrogate as '?'). */
    private static String cut(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        return value.substring(0, Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max);
    }
}
