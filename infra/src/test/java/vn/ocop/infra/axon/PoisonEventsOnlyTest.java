package vn.ocop.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import vn.ocop.infra.database.DatabaseOutage;

/** Only an event its handler cannot take becomes a dead letter; a database outage makes the batch retry. */
class PoisonEventsOnlyTest {

    private final PoisonEventsOnly policy = new PoisonEventsOnly();
    private final GenericDeadLetter<GenericEventMessage<String>> letter =
            new GenericDeadLetter<>("subject-1", new GenericEventMessage<>("payload"));

    @Test
    void aFailureOfTheHandlerItselfParksTheEvent() {
        assertThat(policy.decide(letter, new IllegalStateException("no such row")).shouldEnqueue()).isTrue();
        assertThat(policy.decide(letter, new SQLException("duplicate key", "23505")).shouldEnqueue()).isTrue();
    }

    @Test
    void aDatabaseOutageAnywhereInTheCausesFailsTheBatchInstead() {
        for (Throwable outage : new Throwable[] {
                new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01")),
                new RuntimeException(new SQLException("An I/O error occurred while sending to the backend.", "08006")),
                new CannotCreateTransactionException("could not open", new ConnectException("refused")),
                new SQLTransientConnectionException("pool timed out"),
                new IllegalStateException(new SQLException("Connection is closed"))}) {
            assertThat(DatabaseOutage.causes(outage)).as(outage.toString()).isTrue();
            assertThatThrownBy(() -> policy.decide(letter, outage)).isInstanceOf(DatabaseOutage.Retry.class)
                    .hasCause(outage);
        }
    }
}
