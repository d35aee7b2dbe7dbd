package vn.ocop.infra.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure caused by the database being out of reach — stopped, restarting, its connections cut, the
 * pool exhausted — from any other. Such a failure says nothing about the request: the client should retry (with
 * the same {@code Idempotency-Key}, which makes a command's retry safe even when the first attempt's commit
 * went through unseen), so it is answered 503 with {@code Retry-After}, never 500.
 */
public final class DatabaseOutage {

    /** Seconds a client is asked to wait; the pool gives up on a connection sooner (see application.yml). */
    public static final String RETRY_AFTER_SECONDS = "2";

    /**
     * PostgreSQL's SQLSTATEs for a connection that failed or was ended: class 08, admin and crash shutdowns,
     * "cannot connect now" while it starts or recovers, too many connections.
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

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
        }
        return false;
    }

    /** The 503 problem, and the header that goes with it. */
    public static ProblemDetail problem() {
        return ProblemResponses.problemOf(WebProblem.DATABASE_UNAVAILABLE, "Database unavailable",
                "Cơ sở dữ liệu tạm thời không truy cập được",
                "The database cannot be reached at the moment. Retry after the time in Retry-After; for a command, "
                        + "retry with the same Idempotency-Key so that it takes effect exactly once.",
                "Tạm thời không truy cập được cơ sở dữ liệu. Vui lòng thử lại sau thời gian ghi trong Retry-After; "
                        + "với lệnh ghi, hãy gửi lại cùng Idempotency-Key để lệnh chỉ có hiệu lực một lần.");
    }

    static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return headers;
    }
}
