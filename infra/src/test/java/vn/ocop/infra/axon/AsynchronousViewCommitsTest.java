package vn.ocop.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.infra.ServiceTest;
import vn.ocop.query.audit.chain.ChainProcessor;
import vn.ocop.query.common.ShadowReplay;
import vn.ocop.query.common.ViewsProcessor;

/**
 * The views' transactions commit without waiting for the disk; the audit chain's, like every other, waits.
 */
class AsynchronousViewCommitsTest extends ServiceTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void theViewsProcessorAndNoOtherCommitsAsynchronously() {
        for (String view : ShadowReplay.TABLES.keySet()) {
            assertThat(processing.eventProcessorByProcessingGroup(view)).as(view)
                    .hasValueSatisfying(processor -> assertThat(processor.getName()).isEqualTo(ViewsProcessor.NAME));
        }
        assertThat(processing.interceptorsFor(ViewsProcessor.NAME))
                .anyMatch(AsynchronousViewCommits.class::isInstance);
        assertThat(processing.interceptorsFor(ChainProcessor.NAME))
                .noneMatch(AsynchronousViewCommits.class::isInstance);
    }

    @Test
    void aViewsTransactionCommitsAsynchronouslyOnceAndTheConnectionIsLeftAsItWas() {
        String before = jdbc.queryForObject("show synchronous_commit", String.class);
        AsynchronousViewCommits interceptor = new AsynchronousViewCommits(jdbc);
        List<String> seen = new ArrayList<>();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            jdbc.execute("set local synchronous_commit = on");
            for (int event = 0; event < 2; event++) {
                DefaultUnitOfWork<EventMessage<Object>> unitOfWork = DefaultUnitOfWork.startAndGet(
                        GenericEventMessage.asEventMessage("event " + event));
                try {
                    interceptor.handle(unitOfWork, () -> {
                        seen.add(jdbc.queryForObject("show synchronous_commit", String.class));
                        // set back here, it stays so for the second event: the interceptor sets it once per
                        // transaction, not once per event
                        jdbc.execute("set local synchronous_commit = on");
                        return null;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    unitOfWork.commit();
                }
            }
        });

        assertThat(seen).containsExactly("off", "on");
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo(before);
    }
}
