package vn.ocop.events.common;

import java.util.Optional;

/**
 * Seals and opens the personal data carried by events. Both sides use it: the command side seals what a
 * client sends before it reaches an event, the query side opens it for the views that may show it.
 */
public interface PersonalDataVault {

    /** Seals {@code clearText} with the key of {@code keyRef}, creating that key on first use. */
    SealedPersonalData seal(String keyRef, String clearText);

    /** The clear text, or empty when the owner's key has been destroyed. */
    Optional<String> open(SealedPersonalData sealed);

    /** Destroys the key of {@code keyRef}: everything sealed with it becomes unreadable for good. */
    void forget(String keyRef);

    /** How many owners' keys have been destroyed: a count that only ever grows. */
    long forgottenOwners();
}
