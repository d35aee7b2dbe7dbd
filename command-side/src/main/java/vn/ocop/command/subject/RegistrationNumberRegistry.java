package vn.ocop.command.subject;

import java.util.Locale;

/** Keeps business registration and tax numbers unique across subjects. */
public interface RegistrationNumberRegistry {

    /**
     * Claims {@code registrationNumber} for {@code subjectId}, within the transaction of the command.
     *
     * @throws RegistrationNumberTaken when another subject holds the number
     */
    void claim(String registrationNumber, String subjectId);

    /** Numbers are compared without spaces, dots or dashes and in upper case ("0101 234-567" = "0101234567"). */
    static String normalise(String registrationNumber) {
        return registrationNumber.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
    }
}
