package vn.ocop.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.junit.jupiter.api.Test;

/** A command's and a deadline's metadata flow on to what they cause; an event's, which causes nothing, is not read. */
class CausingMessagesOnlyTest {

    private final CausingMessagesOnly provider = new CausingMessagesOnly(new SimpleCorrelationDataProvider("user"));

    @Test
    void commandsAndDeadlinesGiveTheirDataAndEventsNone() {
        MetaData user = MetaData.with("user", "officer-1");

        assertThat(provider.correlationDataFor(GenericCommandMessage.asCommandMessage("rename").withMetaData(user)))
                .isEqualTo(Map.of("user", "officer-1"));
        assertThat(provider.correlationDataFor(new GenericDeadlineMessage<>("expiry", "p-1", user)))
                .isEqualTo(Map.of("user", "officer-1"));
        assertThat(provider.correlationDataFor(GenericEventMessage.asEventMessage("renamed").withMetaData(user)))
                .isEmpty();
    }
}
