package com.crowdledger.infra.auth;

import com.crowdledger.infra.openapi.DocumentedOperation;
import com.crowdledger.infra.openapi.OperationDocumenter;
import com.crowdledger.infra.web.ErrorStatus;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Authenticated;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Documents what {@link Authentication} requires of each operation: the security requirement (a Bearer API key whose
 * roles are the scopes needed, or also a dashboard session, with its CSRF token on unsafe methods), the same as an
 * {@code x-scopes} extension and a sentence, and the 401/403 answers.
 */
@Component
class AuthenticationDocumentation implements OperationDocumenter {
    static final String API_KEY = "apiKey";
    static final String SESSION = "dashboardSession";
    static final String CSRF = "csrfToken";
    static final String SCOPES_EXTENSION = "x-scopes";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void describe(Components components) {
        components.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("tpk_live_ or tpk_test_ followed by 32 hex digits")
                .description("An API key. The requirement's roles are the scopes the key needs (one of them); "
                        + "none means any scope."));
        components.addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE).name(DashboardSessions.COOKIE)
                .description("The dashboard session cookie set by POST /v1/auth/login; it has every scope of the "
                        + "account's role."));
        components.addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name(DashboardSessions.CSRF_HEADER)
                .description("The csrfToken returned by POST /v1/auth/login, sent with the session cookie on every "
                        + "unsafe request."));
    }

    @Override
    public void document(DocumentedOperation operation) {
        // an argon2id run that found no free slot (SecretHashing's lanes): keys on a cache miss, logins, new secrets
        int busy = ErrorStatus.of(ErrorCode.SERVICE_UNAVAILABLE);
        operation.addResponseHeader("Retry-After", new Header().$ref("#/components/headers/Retry-After"),
                status -> status == busy);
        if (Authentication.isPublic(operation.handler())) {
            operation.operation().setSecurity(List.of());
            operation.describe("Needs no API key.");
            return;
        }
        Authenticated required = Authentication.requirement(operation.handler());
        List<String> scopes = Arrays.stream(required.scope()).map(Scope::wireName).toList();
        boolean csrf = !SAFE_METHODS.contains(operation.method());
        List<SecurityRequirement> security = new ArrayList<>();
        security.add(new SecurityRequirement().addList(API_KEY, scopes));
        if (required.dashboard()) {
            SecurityRequirement session = new SecurityRequirement().addList(SESSION);
            security.add(csrf ? session.addList(CSRF) : session);
        }
        operation.operation().setSecurity(security);
        operation.operation().addExtension(SCOPES_EXTENSION, scopes);
        operation.describe(sentence(scopes, required.dashboard(), csrf));
        operation.mayAnswer(ErrorCode.INVALID_API_KEY, ErrorCode.FORBIDDEN, ErrorCode.EMAIL_NOT_VERIFIED,
                ErrorCode.SERVICE_UNAVAILABLE);
    }

    private static String sentence(List<String> scopes, boolean dashboard, boolean csrf) {
        String key = switch (scopes.size()) {
            case 0 -> "Needs an API key with any scope";
            case 1 -> "Needs an API key with the scope `" + scopes.get(0) + "`";
            default -> scopes.stream().map(scope -> "`" + scope + "`")
                    .collect(Collectors.joining(", ", "Needs an API key with one of the scopes ", ""));
        };
        if (!dashboard) {
            return key + ".";
        }
        return key + ", or a dashboard session (the `" + DashboardSessions.COOKIE + "` cookie"
                + (csrf ? " and its `" + DashboardSessions.CSRF_HEADER + "` header" : "") + ").";
    }
}
