package vn.ocop.infra.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import vn.ocop.command.common.DomainRuleViolation;

/**
 * A command the rules refuse is an answer, not an incident. Axon's repository logs a warning with the exception
 * when an aggregate's creation throws, before passing the exception on to be answered; for a refusal that line is
 * noise with a stack trace, so it is dropped here, and {@link ProblemResponses} writes the one line that records
 * the refusal (INFO, its problem type and correlation id). Any other exception is logged as before.
 */
@Component
class QuietRefusals implements InitializingBean {

    static final String NAME = "ocop-quiet-refusals";

    @Override
    public void afterPropertiesSet() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(filter -> NAME.equals(filter.getName()))) {
            TurboFilter filter = new RefusalFilter();
            filter.setName(NAME);
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    /** Denies a log event whose throwable (or its cause) is a refusal of the rules. */
    static final class RefusalFilter extends TurboFilter {

        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                                  Throwable thrown) {
            Throwable failure = thrown;
            if (failure == null && params != null && params.length > 0
                    && params[params.length - 1] instanceof Throwable last) {
                failure = last;
            }
            for (Throwable step = failure; step != null; step = step.getCause()) {
                if (step instanceof DomainRuleViolation) {
                    return FilterReply.DENY;
                }
            }
            return FilterReply.NEUTRAL;
        }
    }
}
