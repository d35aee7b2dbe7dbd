package vn.ocop.command.subject;

import java.util.Optional;
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
    public void located(String subjectId, String communeCode) {
        jdbc.update("update subject_standing set commune_code = ? where subject_id = ?", communeCode, subjectId);
    }

    @Override
    public Optional<SubjectStanding> find(String subjectId) {
        return jdbc.query("select standing, commune_code from subject_standing where subject_id = ?",
                (row, n) -> new SubjectStanding(Standing.valueOf(row.getString(1)), row.getString(2)), subjectId)
                .stream().findFirst();
    }

    @Override
    public boolean mayRegisterProducts(String subjectId) {
        return jdbc.queryForList("select standing from subject_standing where subject_id = ?", String.class, subjectId)
                .stream().anyMatch(Standing.ACTIVE.name()::equals);
    }
}
