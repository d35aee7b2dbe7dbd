package vn.ocop.infra.axon;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.ocop.infra.imports.ImportMarks;
import vn.ocop.infra.security.Account;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.ocop.infra.web.RequestCorrelation;

/**
 * Stamps commands sent while serving an HTTP request with who sent them and which request it was: the
 * request's correlation id, the acting user with the role and jurisdiction it acted in, and — for a command an
 * import records — the import and row it comes from ({@link ImportMarks}). The audit keys are then copied onto every event the command causes.
 * Axon's Spring support registers every command dispatch interceptor bean with the command bus.
 */
@Component
class CommandStamping implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final ImportMarks marks;

    CommandStamping(ObjectProvider<ImportMarks> marks) {
        this.marks = marks.getIfAvailable();
    }

    static final String USER = "user";
    static final String ROLE = "role";
    static final String JURISDICTION = "jurisdiction";
    static final String ANONYMOUS = "anonymous";
    static final String IMPORT = "import";
    static final String IMPORT_ROW = "importRow";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
                return command;
            }
            Map<String, Object> stamp = new HashMap<>();
            String correlationId = RequestCorrelation.current();
            if (correlationId != null && !command.getMetaData().containsKey(RequestCorrelation.KEY)) {
                stamp.put(RequestCorrelation.KEY, correlationId);
            }
            if (marks != null) {
                stamp.putAll(marks.of(request.getRequest()));
            }
            if (!command.getMetaData().containsKey(USER)) {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                if (authentication != null && authentication.getPrincipal() instanceof Account account) {
                    stamp.put(USER, account.username());
                    stamp.put(ROLE, account.role().name());
                    stamp.put(JURISDICTION, account.jurisdictionLabel());
                } else {
                    Principal principal = request.getRequest().getUserPrincipal();
                    stamp.put(USER, principal == null ? ANONYMOUS : principal.getName());
                }
            }
            return stamp.isEmpty() ? command : command.andMetaData(stamp);
        };
    }
}
