package com.crowdledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.crowdledger.infra.web.Failures;
import com.crowdledger.shared.error.DomainError;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.error.FieldIssue;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** A rule's error reaches the client unchanged, also when it crossed a distributed command bus as serialized data. */
class CommandInterceptorsTest {

    @Test
    void domainErrorTravelsAsSerializableDetailsOfTheCommandFailure() throws Exception {
        DomainException rule = new DomainException(ErrorCode.VALIDATION_ERROR, "The request is invalid",
                List.of(new FieldIssue("testersRequired", "must be between 1 and 1000")));
        InterceptorChain failing = () -> {
            throw rule;
        };
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("launch"));
        Throwable thrown = catchThrowable(() -> CommandInterceptors.domainErrorsAsDetails().handle(unitOfWork, failing));
        unitOfWork.rollback();

        assertThat(thrown).isInstanceOf(CommandExecutionException.class);
        Object details = ((CommandExecutionException) thrown).getDetails().orElseThrow();

        // what another node would receive: the details serialized and read back, without the cause
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        SerializedObject<byte[]> wire = serializer.serialize(details, byte[].class);
        DomainError received = serializer.deserialize(wire);
        CommandExecutionException remote = new CommandExecutionException("remote", null, received);

        assertThat(Failures.classify(remote)).contains(rule.toError());
        assertThat(Failures.classify(thrown)).contains(rule.toError());
    }
}
