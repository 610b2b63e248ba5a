package com.crowdledger.infra.admin;

import com.crowdledger.shared.web.ApiException;
import com.crowdledger.shared.web.ErrorCode;
import com.crowdledger.shared.web.PublicEndpoint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoints, outside the customer API: list the read models and rebuild one. They take no API key
 * (hence {@code @PublicEndpoint}) but the operator token, {@code Authorization: Bearer $CROWDLEDGER_ADMIN_TOKEN};
 * with no token configured they do not exist (404).
 */
@RestController
@RequestMapping("/admin/read-models")
@PublicEndpoint
class ReadModelAdminController {
    private final AdminSettings settings;
    private final ReadModels readModels;
    private final ReadModelRebuild rebuild;

    ReadModelAdminController(AdminSettings settings, ReadModels readModels, ReadModelRebuild rebuild) {
        this.settings = settings;
        this.readModels = readModels;
        this.rebuild = rebuild;
    }

    record ReadModelInfo(String name, List<String> tables) {
    }

    @GetMapping
    List<ReadModelInfo> list(@RequestHeader(name = "Authorization", required = false) String authorization) {
        requireOperator(authorization);
        return readModels.all().stream().map(m -> new ReadModelInfo(m.name(), m.tables())).toList();
    }

    @PostMapping("/{name}/rebuild")
    ReadModelRebuild.Result rebuild(@RequestHeader(name = "Authorization", required = false) String authorization,
                                    @PathVariable String name) throws Exception {
        requireOperator(authorization);
        ReadModels.ReadModel readModel = readModels.named(name);
        if (readModel == null) {
            throw ApiException.notFound("Read model");
        }
        return rebuild.rebuild(readModel);
    }

    private void requireOperator(String authorization) {
        if (!settings.enabled()) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No such route");
        }
        String expected = "Bearer " + settings.adminToken();
        if (authorization == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(ErrorCode.INVALID_API_KEY, "The operator token is missing or wrong");
        }
    }
}
