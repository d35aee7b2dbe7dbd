package vn.ocop.peer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The peer's commands and events. The events are plain classes with fields, which is what XStream, the default
 * serializer, writes and reads.
 */
public final class PeerMessages {

    private PeerMessages() {
    }

    public record RegisterPeerSubject(@TargetAggregateIdentifier String id, String name, String registrationNumber,
                                      String communeCode) {
    }

    public record RenamePeerSubject(@TargetAggregateIdentifier String id, String name) {
    }

    public static class PeerSubjectRegistered {
        private String id;
        private String name;
        private String registrationNumber;
        private String communeCode;

        public PeerSubjectRegistered(String id, String name, String registrationNumber, String communeCode) {
            this.id = id;
            this.name = name;
            this.registrationNumber = registrationNumber;
            this.communeCode = communeCode;
        }

        public String getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getRegistrationNumber() {
            return registrationNumber;
        }

        public String getCommuneCode() {
            return communeCode;
        }
    }

    public static class PeerSubjectRenamed {
        private String id;
        private String name;

        public PeerSubjectRenamed(String id, String name) {
            this.id = id;
            this.name = name;
        }

        public String getId() {
            return id;
        }

        public String getName() {
            return name;
        }
    }
}
