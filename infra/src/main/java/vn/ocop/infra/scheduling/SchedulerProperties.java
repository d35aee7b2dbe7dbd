package vn.ocop.infra.scheduling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The persistent scheduler (certificate notices, windows and expiries).
 *
 * @param enabled         whether this node executes due deadlines; every node can still schedule them
 * @param pollingInterval how often this node looks for due deadlines
 * @param threads         how many deadlines this node executes at once
 * @param heartbeatInterval how often a node executing a deadline says it is alive; a deadline whose node has
 *                          missed six heartbeats (it died mid-execution) is executed again by another node
 */
@ConfigurationProperties("ocop.scheduler")
public record SchedulerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10s") Duration pollingInterval,
        @DefaultValue("2") int threads,
        @DefaultValue("1m") Duration heartbeatInterval) {
}
