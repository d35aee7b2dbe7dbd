package vn.ocop.infra.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure caused by the database being out of reach — stopped, restarting, its connections cut, the
 * pool exhausted — from any other. Such a failure says nothing about the request or the event at hand: an HTTP
 * request is answered 503 with {@code Retry-After} (never 500), and a projection retries its batch instead of
 * parking the event as a dead letter.
 */
public final class DatabaseOutage {

    /**
     * PostgreSQL's SQLSTATEs for a connection that failed or was ended: class 08, admin and crash shutdowns,
     * "cannot connect now" while it starts or recovers, too many connections.
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private static final String CLOSED_BY_THE_POOL = "Connection is closed";

    private DatabaseOutage() {
    }

    /** Whether {@code failure}, or anything that caused it, is the database being out of reach. */
    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
                return true;
            }
            if (cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            // The pool's answer on a connection it has just closed as broken (SQLSTATE 57P01, 08006) while a
            // transaction still held it.
            if (cause instanceof SQLException sql && sql.getSQLState() == null
                    && CLOSED_BY_THE_POOL.equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** Raised where work must be retried rather than given up because the database is out of reach. */
    public static final class Retry extends RuntimeException {

        public Retry(Throwable outage) {
            super("the database is out of reach; retrying", outage);
        }
    }
}
