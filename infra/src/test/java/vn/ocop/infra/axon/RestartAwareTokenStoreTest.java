package vn.ocop.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.ocop.infra.ServiceTest;

/**
 * After the server starts again, each segment's first store or claim extension fails once, so that its processor
 * reads back the token that survived the crash instead of making its remembered position durable.
 */
class RestartAwareTokenStoreTest extends ServiceTest {

    @Autowired
    DataSource pool;

    private JdbcTemplate admin;
    private RestartAwareTokenStore store;

    @BeforeEach
    void serverRuns() {
        HikariDataSource hikari = (HikariDataSource) pool;
        // A connection per statement, as after a restart: the server's start is asked once per connection.
        DriverManagerDataSource fresh = new DriverManagerDataSource(hikari.getJdbcUrl(), hikari.getUsername(),
                hikari.getPassword());
        admin = new JdbcTemplate(pool);
        admin.execute("create table server_start_for_test (started integer not null)");
        admin.update("insert into server_start_for_test values (1)");
        store = new RestartAwareTokenStore(new InMemoryTokenStore(), new JdbcTemplate(fresh),
                "select started from server_start_for_test");
        store.initializeTokenSegments("view", 3);
    }

    @AfterEach
    void dropRuns() {
        admin.execute("drop table server_start_for_test");
    }

    @Test
    void eachSegmentsFirstWriteInANewRunFailsOnceAndItsClaimReadsTheSurvivingToken() {
        store.fetchToken("view", 0);
        store.fetchToken("view", 1);
        store.storeToken(new GlobalSequenceTrackingToken(10), "view", 0);
        store.extendClaim("view", 1);

        admin.update("update server_start_for_test set started = 2");

        assertThatThrownBy(() -> store.storeToken(new GlobalSequenceTrackingToken(11), "view", 0))
                .isInstanceOf(UnableToClaimTokenException.class).hasMessageContaining("started again");
        assertThat(store.fetchToken("view", 0)).isEqualTo(new GlobalSequenceTrackingToken(10));
        store.storeToken(new GlobalSequenceTrackingToken(11), "view", 0);
        assertThatThrownBy(() -> store.extendClaim("view", 1)).isInstanceOf(UnableToClaimTokenException.class);
        store.extendClaim("view", 1);
        // claimed first in the new run: its token was read in it
        store.fetchToken("view", 2);
        store.storeToken(new GlobalSequenceTrackingToken(12), "view", 2);
    }

    @Test
    void withinOneRunNothingFails() {
        store.fetchToken("view", 0);
        for (int i = 0; i < 5; i++) {
            store.storeToken(new GlobalSequenceTrackingToken(i), "view", 0);
            store.extendClaim("view", 0);
        }
        assertThat(store.fetchToken("view", 0)).isEqualTo(new GlobalSequenceTrackingToken(4));
    }
}
