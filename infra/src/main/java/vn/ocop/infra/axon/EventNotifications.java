package vn.ocop.infra.axon;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Events one node commits wake every node's processors at once, through PostgreSQL's {@code LISTEN/NOTIFY}: after
 * this node's commands commit, it sends a notification on {@link #CHANNEL}; each node listens on one connection of
 * its own and wakes its processors ({@link ProcessorWakeUps}) when one arrives. Without it another node's events
 * waited for the processors' 500 ms tick, which now runs only while the listening connection is down.
 *
 * <p>The notification is not sent from the commands' own transactions: PostgreSQL lets one notifying transaction
 * commit at a time, which would queue the commands' commits one behind another. It goes in a transaction of its own
 * a moment after a commit, with every commit of that moment in one notification, and does not wait for the disk (a
 * notification lost in a crash costs a wake-up, never an event).
 */
final class EventNotifications implements SmartLifecycle {

    static final String CHANNEL = "ocop_events";

    private static final Logger LOG = LoggerFactory.getLogger(EventNotifications.class);

    /** How long commits gather before one notification tells of them. */
    private static final long GATHER_MILLIS = 2;

    /** How long the listener waits for a notification before it looks whether it should stop. */
    private static final int LISTEN_MILLIS = 500;

    private final DataSource dataSource;
    private final ProcessorWakeUps wakeUps;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-notifications");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;
    private Thread listener;

    EventNotifications(DataSource dataSource, ProcessorWakeUps wakeUps) {
        this.dataSource = dataSource;
        this.wakeUps = wakeUps;
    }

    /** This node committed events: other nodes hear of it a moment later, with whatever else commits meanwhile. */
    void committed() {
        if (running && pending.compareAndSet(false, true)) {
            sender.schedule(this::notifyOthers, GATHER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void notifyOthers() {
        pending.set(false);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local synchronous_commit = off");
                statement.execute("notify " + CHANNEL);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not tell other nodes of new events; their processors look again on their own", e);
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                PGConnection postgres = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                wakeUps.listening(true);
                wakeUps.eventsCommitted(); // what was committed before this node listened
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(LISTEN_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        wakeUps.eventsCommitted();
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("unlisten " + CHANNEL);
                }
            } catch (SQLException | RuntimeException e) {
                wakeUps.listening(false);
                if (running) {
                    LOG.warn("Not listening for other nodes' events ({}); the processors look every 500 ms until "
                            + "the database answers again", e.getMessage());
                    pause();
                }
            }
        }
        wakeUps.listening(false);
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        listener = new Thread(this::listen, "event-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        sender.shutdownNow();
        if (listener != null) {
            try {
                listener.join(2 * LISTEN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
