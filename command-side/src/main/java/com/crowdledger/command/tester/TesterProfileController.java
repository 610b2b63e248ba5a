package com.crowdledger.command.tester;

import com.crowdledger.queries.tester.FindTesterProfileQuery;
import com.crowdledger.queries.tester.TesterProfileView;
import com.crowdledger.shared.Platform;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.Tenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A tester's own profile, in the mode of its key; the first call makes it. */
@RestController
@RequestMapping("/v1/testers/me")
@Authenticated(scope = Scope.TESTER)
class TesterProfileController {
    private final TesterProfiles profiles;
    private final CommandGateway commands;
    private final QueryGateway queries;

    TesterProfileController(TesterProfiles profiles, CommandGateway commands, QueryGateway queries) {
        this.profiles = profiles;
        this.commands = commands;
        this.queries = queries;
    }

    /** Fields left out stay as they are; an empty list or an empty country clears it. */
    record ChangeTesterProfile(
            @Nullable Set<@NotNull Platform> platforms,
            @Nullable @Size(max = TesterProfile.MAX_DEVICES) List<@NotNull @Size(max = TesterProfile.MAX_DEVICE_LENGTH) String> devices,
            @Nullable @Size(max = 2) String country) {
    }

    @GetMapping
    TesterProfileView me(Caller caller) {
        Tenant tester = Tenant.of(caller);
        profiles.ensure(tester);
        return view(tester);
    }

    @PatchMapping
    TesterProfileView change(Caller caller, @Valid @RequestBody ChangeTesterProfile request) {
        Tenant tester = Tenant.of(caller);
        commands.sendAndWait(new ChangeTesterProfileCommand(profiles.ensure(tester), tester, request.platforms(),
                request.devices(), request.country()));
        return view(tester);
    }

    private TesterProfileView view(Tenant tester) {
        return queries.query(new FindTesterProfileQuery(tester), ResponseTypes.optionalInstanceOf(TesterProfileView.class))
                .join().orElseThrow(() -> DomainException.notFound("Tester profile"));
    }
}
