package com.crowdledger.infra.admin;

import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.PublicEndpoint;
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
    private final OperatorToken operator;
    private final ReadModels readModels;
    private final ReadModelRebuild rebuild;

    ReadModelAdminController(OperatorToken operator, ReadModels readModels, ReadModelRebuild rebuild) {
        this.operator = operator;
        this.readModels = readModels;
        this.rebuild = rebuild;
    }

    record ReadModelInfo(String name, List<String> tables) {
    }

    @GetMapping
    List<ReadModelInfo> list(@RequestHeader(name = "Authorization", required = false) String authorization) {
        operator.require(authorization);
        return readModels.all().stream().map(m -> new ReadModelInfo(m.name(), m.tables())).toList();
    }

    @PostMapping("/{name}/rebuild")
    ReadModelRebuild.Result rebuild(@RequestHeader(name = "Authorization", required = false) String authorization,
                                    @PathVariable String name) throws Exception {
        operator.require(authorization);
        ReadModels.ReadModel readModel = readModels.named(name);
        if (readModel == null) {
            throw DomainException.notFound("Read model");
        }
        return rebuild.rebuild(readModel);
    }
}
