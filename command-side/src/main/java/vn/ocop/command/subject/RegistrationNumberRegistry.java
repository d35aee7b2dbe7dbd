package vn.ocop.command.subject;

import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps registration numbers unique across subjects: a lookup table owned by the command side and written
 * in the transaction that appends the subject's events, so the claim and the event commit or fail together.
 */
@Component
class RegistrationNumberRegistry {

    private final JdbcTemplate jdbc;

    RegistrationNumberRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims {@code registrationNumber} for {@code subjectId}. A concurrent claim of the same number waits
     * on the unique index until the first transaction ends, so two subjects can never both succeed.
     *
     * @throws RegistrationNumberTaken when another subject holds the number
     */
    void claim(String registrationNumber, String subjectId) {
        int inserted = jdbc.update("""
                insert into subject_registration_number (registration_number, subject_id)
                values (?, ?) on conflict (registration_number) do nothing""",
                normalise(registrationNumber), subjectId);
        if (inserted == 0) {
            throw new RegistrationNumberTaken();
        }
    }

    /** Numbers are compared without spaces, dots or dashes and in upper case ("0101 234-567" = "0101234567"). */
    static String normalise(String registrationNumber) {
        return registrationNumber.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
    }
}
