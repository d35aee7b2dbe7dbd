package vn.ocop.query.subject;

import java.time.Instant;
import vn.ocop.events.subject.LegalForm;

/**
 * One subject as the API shows it.
 *
 * @param standing ACTIVE, SUSPENDED or DISSOLVED
 * @param version the sequence number of the subject's last event this view reflects
 */
public record SubjectDetails(
        String id,
        LegalForm legalForm,
        String name,
        String registrationNumber,
        String communeCode,
        RepresentativeDetails representative,
        String standing,
        Instant registeredAt,
        long version) {

    /** The representative; a name or phone reads null once its owner's key has been destroyed. */
    public record RepresentativeDetails(String fullName, String position, String phone) {

        /** Initials for the name, the last three digits of the phone. */
        RepresentativeDetails masked() {
            return new RepresentativeDetails(initials(fullName), position, lastDigits(phone));
        }

        private static String initials(String name) {
            if (name == null || name.isBlank()) {
                return name;
            }
            StringBuilder initials = new StringBuilder();
            for (String word : name.strip().split("\\s+")) {
                initials.append(word.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                        StringBuilder::append)).append(". ");
            }
            return initials.toString().strip();
        }

        private static String lastDigits(String phone) {
            if (phone == null) {
                return null;
            }
            String digits = phone.replaceAll("\\D", "");
            return "•••" + digits.substring(Math.max(0, digits.length() - 3));
        }
    }

    /** The same subject with its representative's personal data masked. */
    public SubjectDetails masked() {
        return new SubjectDetails(id, legalForm, name, registrationNumber, communeCode,
                representative == null ? null : representative.masked(), standing, registeredAt, version);
    }
}
