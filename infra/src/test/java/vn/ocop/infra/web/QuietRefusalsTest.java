package vn.ocop.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import vn.ocop.command.common.InvalidHeader;

/** A refusal of the rules is not written as a warning with its stack; any other exception is, and levels cost nothing. */
class QuietRefusalsTest {

    @Test
    void aRefusalIsDroppedAndEveryOtherLineWritten() {
        LoggerContext context = new LoggerContext();
        ListAppender<ILoggingEvent> written = new ListAppender<>();
        written.setContext(context);
        written.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(written);

        QuietRefusals.quieten(context);
        QuietRefusals.quieten(context); // once per appender, however often the service starts its beans
        Logger repository = context.getLogger("org.axonframework.modelling.command.AbstractRepository");
        InvalidHeader refusal = new InvalidHeader("Idempotency-Key", "malformed", "sai định dạng");
        repository.warn("Exception occurred while trying to add an aggregate", refusal);
        repository.warn("Exception occurred while handling", new IllegalStateException("wrapped", refusal));
        repository.warn("Exception occurred while trying to add an aggregate", new IllegalStateException("a fault"));
        repository.info("a line without an exception");

        assertThat(written.list).extracting(ILoggingEvent::getMessage)
                .containsExactly("Exception occurred while trying to add an aggregate", "a line without an exception");
        assertThat(written.list.get(0).getThrowableProxy().getMessage()).isEqualTo("a fault");
        assertThat(written.getCopyOfAttachedFiltersList()).hasSize(1);
        // no turbo filter: a level check asks nothing of it
        assertThat(context.getTurboFilterList()).isEmpty();
    }
}
