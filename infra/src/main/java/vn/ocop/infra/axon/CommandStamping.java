package vn.ocop.infra.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;
import vn.ocop.infra.web.RequestCorrelation;

/** Stamps commands sent while serving an HTTP request with that request's correlation id. */
@Component
class CommandStamping implements MessageDispatchInterceptor<CommandMessage<?>> {

    // Axon's Spring support registers every command dispatch interceptor bean with the command bus.

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            String correlationId = RequestCorrelation.current();
            if (correlationId == null || command.getMetaData().containsKey(RequestCorrelation.KEY)) {
                return command;
            }
            return command.andMetaData(Map.of(RequestCorrelation.KEY, correlationId));
        };
    }
}
