package vn.ocop.query.subject;

/** Find one subject by id; answered with an optional {@link SubjectDetails}. */
public record FindSubjectQuery(String subjectId) {
}
