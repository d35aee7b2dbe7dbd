package vn.ocop.command.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Records a command carried out under an idempotency key inside the command's own transaction, once its
 * events are appended: the events and the record commit together, and a second request with the same key
 * cannot also append events. The record holds the whole answer, the aggregate's new version included.
 */
@Component
class IdempotencyClaim implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String KEY = "idempotencyKey";
    static final String FINGERPRINT = "requestFingerprint";
    static final String AGGREGATE_ID = NewVersions.AGGREGATE_ID;
    static final String CREATED_ID = "createdId";
    static final String STATUS = "responseStatus";
    static final String LOCATION = "responseLocation";

    private final IdempotencyRecords records;
    private final NewVersions versions;

    /** Axon's Spring support registers every command handler interceptor bean with the command bus. */
    IdempotencyClaim(IdempotencyRecords records, NewVersions versions) {
        this.records = records;
        this.versions = versions;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        MetaData metadata = unitOfWork.getMessage().getMetaData();
        if (metadata.get(KEY) instanceof String key && !records.claimInFlight(key)) {
            throw new RequestInProgress();
        }
        Object result = chain.proceed();
        if (metadata.get(KEY) instanceof String key) {
            // Registered after the handler applied its events, so it runs after they are appended.
            unitOfWork.onPrepareCommit(committing -> {
                String aggregateId = (String) metadata.get(AGGREGATE_ID);
                long version = versions.versionOf(committing, aggregateId);
                records.record(key, new IdempotencyRecords.Recorded((String) metadata.get(FINGERPRINT),
                        ((Number) metadata.get(STATUS)).intValue(), (String) metadata.get(LOCATION),
                        new CommandAccepted(aggregateId, version, (String) metadata.get(CREATED_ID))));
            });
        }
        return result;
    }
}
