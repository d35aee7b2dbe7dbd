package vn.ocop.infra.axon;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.postgresql.core.BaseConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The processors' token store, minding which run of the PostgreSQL server each segment's position was read or
 * stored in. The views commit without waiting for the disk ({@link AsynchronousViewCommits}), so a crash of the
 * server may take a segment's last few commits — rows and token together. The processor does not read its token
 * back: it carries on from where it believes it is, and its next store would make its position durable past the
 * work the crash took. So a segment's first store or claim extension in another run of the server than the one
 * it last saw fails ({@link UnableToClaimTokenException}); the processor lets go of the segment, claims it again,
 * reads the token that survived and handles the events after it again.
 *
 * <p>A server's run is a property of the connection: a restart ends every connection. It is asked once per
 * physical connection ({@code pg_postmaster_start_time()}), so a store costs no more round trips than before.
 */
final class RestartAwareTokenStore implements TokenStore {

    private final TokenStore delegate;
    private final JdbcTemplate jdbc;
    private final String serverStart;
    /** The server's start, per physical connection. */
    private final Map<BaseConnection, Object> startOfConnection = Collections.synchronizedMap(new WeakHashMap<>());
    /** The server's start each segment last saw, by processor and segment. */
    private final Map<String, Object> startOfSegment = new ConcurrentHashMap<>();

    RestartAwareTokenStore(TokenStore delegate, JdbcTemplate jdbc) {
        this(delegate, jdbc, "select pg_postmaster_start_time()");
    }

    /** {@code serverStart}: a query whose one value changes when the server starts again. */
    RestartAwareTokenStore(TokenStore delegate, JdbcTemplate jdbc, String serverStart) {
        this.delegate = delegate;
        this.jdbc = jdbc;
        this.serverStart = serverStart;
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        TrackingToken token = delegate.fetchToken(processorName, segment);
        startOfSegment.put(key(processorName, segment), currentStart());
        return token;
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        TrackingToken token = delegate.fetchToken(processorName, segment);
        startOfSegment.put(key(processorName, segment.getSegmentId()), currentStart());
        return token;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment)
            throws UnableToClaimTokenException {
        confirmSameRun(processorName, segment);
        delegate.storeToken(token, processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        confirmSameRun(processorName, segment);
        delegate.extendClaim(processorName, segment);
    }

    private void confirmSameRun(String processorName, int segment) {
        Object now = currentStart();
        Object before = startOfSegment.put(key(processorName, segment), now);
        if (before != null && !Objects.equals(before, now)) {
            throw new UnableToClaimTokenException("PostgreSQL started again since segment " + segment + " of "
                    + processorName + " last read or stored its token: commits made without waiting for the disk "
                    + "may be lost, so it goes on from the token that survived");
        }
    }

    private Object currentStart() {
        return jdbc.execute((ConnectionCallback<Object>) connection -> {
            BaseConnection physical = connection.unwrap(BaseConnection.class);
            Object start = startOfConnection.get(physical);
            if (start == null) {
                // asked outside the map's lock: a server slow to answer holds up this connection's user alone
                start = queryStart(connection);
                startOfConnection.put(physical, start);
            }
            return start;
        });
    }

    private Object queryStart(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(serverStart)) {
            row.next();
            return row.getObject(1);
        } catch (SQLException e) {
            throw new IllegalStateException("the server's start could not be read", e);
        }
    }

    private static String key(String processorName, int segment) {
        return processorName + "/" + segment;
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
