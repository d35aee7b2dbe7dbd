package vn.ocop.infra.axon;

import java.util.Map;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Events that a deadline causes (a certificate's notice, window or expiry) say so in their metadata: the
 * deadline as their cause ({@code causationId}), the chain they belong to ({@code traceId}, leading back to the
 * decision that scheduled it) and {@code trigger}, the deadline's name. No request and no user caused them.
 */
@Component
class DeadlineAudit implements MessageHandlerInterceptor<DeadlineMessage<?>> {

    static final String TRIGGER = "trigger";

    private final MessageOriginProvider origin = new MessageOriginProvider("causationId", "traceId");

    DeadlineAudit(DeadlineManager deadlines) {
        deadlines.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends DeadlineMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        unitOfWork.registerCorrelationDataProvider(origin);
        unitOfWork.registerCorrelationDataProvider(message -> message instanceof DeadlineMessage<?> deadline
                ? Map.of(TRIGGER, "deadline:" + deadline.getDeadlineName()) : Map.of());
        return chain.proceed();
    }
}
