package vn.ocop.command.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Claims a command's idempotency key inside the command's own transaction, after its handler succeeded: the
 * events and the claim commit together, and a second request with the same key cannot also append events.
 */
@Component
class IdempotencyClaim implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String KEY = "idempotencyKey";
    static final String FINGERPRINT = "requestFingerprint";
    static final String AGGREGATE_ID = "aggregateId";

    private final IdempotencyRecords records;

    /** Axon's Spring support registers every command handler interceptor bean with the command bus. */
    IdempotencyClaim(IdempotencyRecords records) {
        this.records = records;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Object result = chain.proceed();
        var metadata = unitOfWork.getMessage().getMetaData();
        if (metadata.get(KEY) instanceof String key) {
            records.claim(key, (String) metadata.get(FINGERPRINT), (String) metadata.get(AGGREGATE_ID));
        }
        return result;
    }
}
