package vn.ocop.command.subject;

/** The subject aggregate's type, for a command model assembled outside Spring (synthetic histories). */
public final class SubjectAggregate {

    private SubjectAggregate() {
    }

    public static Class<?> type() {
        return Subject.class;
    }
}
