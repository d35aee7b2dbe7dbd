package vn.ocop.command.subject;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The standings as a lookup table owned by the command side, written with the subject's events. */
@Component
class JdbcSubjectStandings implements SubjectStandings {

    private final JdbcTemplate jdbc;

    JdbcSubjectStandings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(String subjectId, Standing standing) {
        jdbc.update("""
                insert into subject_standing (subject_id, standing) values (?, ?)
                on conflict (subject_id) do update set standing = excluded.standing""", subjectId, standing.name());
    }

    @Override
    public boolean mayRegisterProducts(String subjectId) {
        return jdbc.queryForList("select standing from subject_standing where subject_id = ?", String.class, subjectId)
                .stream().anyMatch(Standing.ACTIVE.name()::equals);
    }
}
