package com.crowdledger.infra.openapi;

import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.ClientAddress;
import com.crowdledger.shared.web.ListPage;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 description at {@code /v1/openapi.json} and its reference for people at {@code /docs}
 * (springdoc; settings under {@code springdoc.*} in application.yml). What each operation says is
 * {@link ApiDocumentation}'s work.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // handler parameters that are not request parameters: the caller comes from authentication, the client's
        // address from the connection, and a page from limit and cursor, which ApiDocumentation describes; a ListPage
        // is documented as its items
        SpringDocUtils.getConfig()
                .addRequestWrapperToIgnore(Caller.class, ClientAddress.class, PageRequest.class)
                .addResponseWrapperToIgnore(ListPage.class);
    }

    @Bean
    OpenAPI crowdledgerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Crowdledger API").version("v1").description("""
                        Crowdtesting, affiliate tracking and playtesting on one multi-tenant API. Every route also \
                        answers under `/api/v1`, over HTTPS only.

                        Every response is an envelope: `{"success": true, "data": ..., "meta": {"requestId", \
                        "timestamp"}}`; lists add `meta.hasMore` and, when more follow, `meta.cursor` (pass it \
                        back as `cursor`, with `limit` 1–100). Errors answer `{"success": false, "error": {"code", \
                        "message", "status", "details": [{"field", "message"}]}, "meta"}`; each operation lists the \
                        codes it may answer under their status.

                        Authenticate with `Authorization: Bearer tpk_live_...` (or `tpk_test_...`); each operation \
                        says which scope it needs (`x-scopes`, and the security requirement's roles). Rate limits \
                        are reported in `X-RateLimit-*` headers; a POST may carry an `Idempotency-Key`."""))
                // relative: the description is right behind any proxy, under /v1 and /api/v1 alike
                .servers(List.of(new Server().url("/")))
                .components(new Components());
    }
}
