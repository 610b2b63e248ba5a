package com.crowdledger.infra.admin;

import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.OperatorOnly;
import com.crowdledger.shared.web.PublicEndpoint;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoints, outside the customer API: list the read models and rebuild one ({@link OperatorOnly}).
 */
@RestController
@RequestMapping("/admin/read-models")
@PublicEndpoint
@OperatorOnly
class ReadModelAdminController {
    private final ReadModels readModels;
    private final ReadModelRebuild rebuild;

    ReadModelAdminController(ReadModels readModels, ReadModelRebuild rebuild) {
        this.readModels = readModels;
        this.rebuild = rebuild;
    }

    record ReadModelInfo(String name, List<String> tables) {
    }

    @GetMapping
    List<ReadModelInfo> list() {
        return readModels.all().stream().map(m -> new ReadModelInfo(m.name(), m.tables())).toList();
    }

    @PostMapping("/{name}/rebuild")
    ReadModelRebuild.Result rebuild(@PathVariable String name) throws Exception {
        ReadModels.ReadModel readModel = readModels.named(name);
        if (readModel == null) {
            throw DomainException.notFound("Read model");
        }
        return rebuild.rebuild(readModel);
    }
}
