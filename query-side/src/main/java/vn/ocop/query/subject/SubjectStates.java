package vn.ocop.query.subject;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.ocop.query.common.RecordStates;

/** A subject's state, as {@code GET /api/subjects/{id}} shows it. */
@Component
class SubjectStates implements RecordStates {

    private final SubjectRows rows;

    SubjectStates(SubjectRows rows) {
        this.rows = rows;
    }

    @Override
    public String type() {
        return "subjects";
    }

    @Override
    public String view() {
        return "subjects";
    }

    @Override
    public Optional<SubjectDetails> find(String id) {
        return rows.find(id).map(SubjectRow::toDetails);
    }
}
