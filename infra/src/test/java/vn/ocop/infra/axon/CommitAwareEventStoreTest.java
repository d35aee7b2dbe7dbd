package vn.ocop.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.infra.ServiceTest;

/**
 * The event store's reader and the projections are told of new events once they are visible: after the
 * transaction that holds them commits, never before, and not at all when it rolls back.
 */
class CommitAwareEventStoreTest extends ServiceTest {

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void insideATransactionTheActionWaitsForItsCommit() {
        List<String> told = new ArrayList<>();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            CommitAwareEventStore.onceCommitted(() -> told.add("committed"));
            assertThat(told).as("not before the commit").isEmpty();
        });
        assertThat(told).containsExactly("committed");
    }

    @Test
    void aTransactionRolledBackTellsNothing() {
        List<String> told = new ArrayList<>();
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            CommitAwareEventStore.onceCommitted(() -> told.add("committed"));
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        assertThat(told).isEmpty();
    }

    @Test
    void outsideATransactionTheActionRunsAtOnce() {
        List<String> told = new ArrayList<>();
        CommitAwareEventStore.onceCommitted(() -> told.add("now"));
        assertThat(told).containsExactly("now");
    }
}
