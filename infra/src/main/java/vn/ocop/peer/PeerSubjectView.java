package vn.ocop.peer;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.peer.PeerMessages.PeerSubjectRegistered;
import vn.ocop.peer.PeerMessages.PeerSubjectRenamed;

/**
 * The peer's one view, a row per subject, in the default processing group: a tracking processor, one thread,
 * one segment, a batch of one event per transaction. It writes with plain statements in the processor's
 * transaction (the service's own entities would be scanned by it, so no JPA entity here).
 */
@Component
public class PeerSubjectView {

    static final String TABLE = """
            create table if not exists peer_subject_view (
                id varchar(36) primary key,
                name varchar(255) not null,
                registration_number varchar(32),
                commune_code varchar(8))""";

    private final JdbcTemplate jdbc;

    public PeerSubjectView(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute(TABLE);
    }

    @EventHandler
    void on(PeerSubjectRegistered event) {
        jdbc.update("insert into peer_subject_view (id, name, registration_number, commune_code) values (?, ?, ?, ?)",
                event.getId(), event.getName(), event.getRegistrationNumber(), event.getCommuneCode());
    }

    @EventHandler
    void on(PeerSubjectRenamed event) {
        jdbc.update("update peer_subject_view set name = ? where id = ?", event.getName(), event.getId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from peer_subject_view");
    }
}
