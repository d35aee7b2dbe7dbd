package vn.ocop.command.subject;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The registry as a lookup table owned by the command side, written in the transaction that appends the
 * subject's events, so the claim and the event commit or fail together. A concurrent claim of the same
 * number waits on the unique index until the first transaction ends, so two subjects never both succeed.
 */
@Component
class JdbcRegistrationNumberRegistry implements RegistrationNumberRegistry {

    private final JdbcTemplate jdbc;

    JdbcRegistrationNumberRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(String registrationNumber, String subjectId) {
        int inserted = jdbc.update("""
                insert into subject_registration_number (registration_number, subject_id)
                values (?, ?) on conflict (registration_number) do nothing""",
                RegistrationNumberRegistry.normalise(registrationNumber), subjectId);
        if (inserted == 0) {
            throw new RegistrationNumberTaken();
        }
    }
}
