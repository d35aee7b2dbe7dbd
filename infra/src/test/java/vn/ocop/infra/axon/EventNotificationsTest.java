package vn.ocop.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.ocop.infra.TestDatabase;

/**
 * Another node's commits wake this node's processors through {@code LISTEN/NOTIFY}, and this node's commits are
 * told to the others. While the node listens its 500 ms tick is off, so only a notification can have woken them.
 */
class EventNotificationsTest {

    private final TestDatabase.Connection server = TestDatabase.get();
    private final DriverManagerDataSource dataSource = new DriverManagerDataSource(server.url(), server.username(),
            server.password());

    @Test
    void aNotificationFromAnotherConnectionWakesTheProcessors() throws Exception {
        try (ProcessorWakeUps wakeUps = new ProcessorWakeUps()) {
            EventNotifications notifications = new EventNotifications(dataSource, wakeUps);
            notifications.start();
            try {
                await().atMost(Duration.ofSeconds(10)).until(wakeUps::listening);
                AtomicInteger woken = new AtomicInteger();
                BlockingStream<TrackedEventMessage<?>> stream = wakeUps
                        .source(token -> new ProcessorWakeUpsTest.EmptyStream()).openStream(null);
                stream.setOnAvailableCallback(woken::incrementAndGet);
                Thread.sleep(1200);
                assertThat(woken.get()).as("no tick while listening").isZero();

                try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
                    statement.execute("notify " + EventNotifications.CHANNEL);
                }

                await().atMost(Duration.ofSeconds(5)).until(() -> woken.get() > 0);
                stream.close();
            } finally {
                notifications.stop();
            }
            assertThat(wakeUps.listening()).as("the tick runs again once the node stops listening").isFalse();
        }
    }

    @Test
    void thisNodesCommitsAreToldToTheOthers() throws Exception {
        try (ProcessorWakeUps wakeUps = new ProcessorWakeUps();
             Connection other = dataSource.getConnection()) {
            try (Statement statement = other.createStatement()) {
                statement.execute("listen " + EventNotifications.CHANNEL);
            }
            EventNotifications notifications = new EventNotifications(dataSource, wakeUps);
            notifications.start();
            try {
                for (int i = 0; i < 5; i++) {
                    notifications.committed();
                }
                PGConnection postgres = other.unwrap(PGConnection.class);
                int heard = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (heard == 0 && System.nanoTime() < deadline) {
                    var received = postgres.getNotifications(200);
                    heard += received == null ? 0 : received.length;
                }
                assertThat(heard).as("five commits of one moment, told at least once").isPositive();
            } finally {
                notifications.stop();
            }
        }
    }
}
