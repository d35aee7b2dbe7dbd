package vn.ocop.infra.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Iterator;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import vn.ocop.command.common.DomainRuleViolation;

/**
 * A command the rules refuse is an answer, not an incident. Axon's repository logs a warning with the exception
 * when an aggregate's creation throws, before passing the exception on to be answered; for a refusal that line is
 * noise with a stack trace, so it is dropped here, and {@link ProblemResponses} writes the one line that records
 * the refusal (INFO, its problem type and correlation id). Any other exception is logged as before.
 *
 * <p>The line is dropped by a filter on the appenders, which sees only the events that are written, not by a turbo
 * filter: logback asks every turbo filter at each level check of every logger ({@code isTraceEnabled} on each
 * JDBC statement's parameters), a cost paid on every path for a line that is rare.
 */
@Component
class QuietRefusals implements InitializingBean {

    static final String NAME = "ocop-quiet-refusals";

    @Override
    public void afterPropertiesSet() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            quieten(context);
        }
    }

    /** Adds the filter to every appender of the root logger that does not have it yet. */
    static void quieten(LoggerContext context) {
        Iterator<Appender<ILoggingEvent>> appenders = context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
        while (appenders.hasNext()) {
            Appender<ILoggingEvent> appender = appenders.next();
            if (appender.getCopyOfAttachedFiltersList().stream().noneMatch(RefusalFilter.class::isInstance)) {
                RefusalFilter filter = new RefusalFilter();
                filter.setName(NAME);
                filter.start();
                appender.addFilter(filter);
            }
        }
    }

    /** Denies a log event whose throwable (or its cause) is a refusal of the rules. */
    static final class RefusalFilter extends Filter<ILoggingEvent> {

        @Override
        public FilterReply decide(ILoggingEvent event) {
            for (IThrowableProxy step = event.getThrowableProxy(); step != null; step = step.getCause()) {
                if (step instanceof ThrowableProxy proxy && proxy.getThrowable() instanceof DomainRuleViolation) {
                    return FilterReply.DENY;
                }
            }
            return FilterReply.NEUTRAL;
        }
    }
}
