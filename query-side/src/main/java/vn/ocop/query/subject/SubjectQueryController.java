package vn.ocop.query.subject;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.query.common.NotFound;

/** Reads of the subjects view. */
@RestController
@RequestMapping("/api/subjects")
class SubjectQueryController {

    private final QueryGateway queries;

    SubjectQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{id}")
    ResponseEntity<SubjectDetails> subject(@PathVariable String id) {
        SubjectDetails subject = queries
                .query(new FindSubjectQuery(id), ResponseTypes.optionalInstanceOf(SubjectDetails.class))
                .join()
                .orElseThrow(() -> new NotFound("subject"));
        return ResponseEntity.ok().eTag(Long.toString(subject.version())).body(subject);
    }
}
