package vn.ocop.infra.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ocop.infra.node.NodeProperties;
import vn.ocop.infra.node.NodeRole;

/**
 * The service's clock, and db-scheduler as Axon's deadline manager: deadlines are rows in
 * {@code scheduled_tasks}, so they survive restarts, and a due one is picked by exactly one node. The
 * scheduler reads time from the same clock as the command side, so a test that moves the clock moves both.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Axon's autoconfiguration contributes the tasks (deadlines, scheduled events) and its deadline manager. */
    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks, Clock clock,
                                SchedulerProperties properties) {
        return Scheduler.create(dataSource, tasks)
                .clock(clock::instant)
                .pollingInterval(properties.pollingInterval())
                .threads(properties.threads())
                .heartbeatInterval(properties.heartbeatInterval())
                .enableImmediateExecution()
                .build();
    }

    /** Runs due deadlines once the rest of the service (Axon included) has started; stops first. */
    @Bean
    SmartLifecycle deadlineExecution(Scheduler scheduler, SchedulerProperties settings, NodeProperties node,
                                     List<DeadlineHold> holds) {
        // A deadline is carried out by its aggregate, so only a node with the command role fires them.
        SchedulerProperties properties = new SchedulerProperties(settings.enabled() && node.runs(NodeRole.COMMAND),
                settings.pollingInterval(), settings.threads(), settings.heartbeatInterval());
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                running = true;
                if (properties.enabled()) {
                    CompletableFuture.allOf(holds.stream().map(DeadlineHold::released)
                            .toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> {
                                if (running) {
                                    scheduler.start();
                                }
                            });
                }
            }

            @Override
            public void stop() {
                if (properties.enabled()) {
                    scheduler.stop();
                }
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE;
            }
        };
    }
}
