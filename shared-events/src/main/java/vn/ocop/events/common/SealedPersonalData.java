package vn.ocop.events.common;

import java.util.Objects;

/**
 * Personal data as it is stored inside an event: encrypted with the key of one data owner
 * ({@code keyRef}, e.g. a subject's id). Events are kept forever and cannot be edited, so personal data
 * never enters them in clear; forgetting a person means destroying their key, after which every event
 * that mentioned them still reads, but this value no longer opens.
 *
 * @param keyRef     whose key sealed it; never personal data itself
 * @param cipherText base64 of the nonce and the authenticated cipher text
 */
public record SealedPersonalData(String keyRef, String cipherText) {

    public SealedPersonalData {
        Objects.requireNonNull(keyRef, "keyRef");
        Objects.requireNonNull(cipherText, "cipherText");
    }

    @Override
    public String toString() {
        return "SealedPersonalData[keyRef=" + keyRef + ", sealed]";
    }
}
