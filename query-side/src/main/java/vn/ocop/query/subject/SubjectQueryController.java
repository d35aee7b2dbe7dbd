package vn.ocop.query.subject;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ocop.query.common.NotFound;
import vn.ocop.query.common.ReadYourWrites;

/** Reads of the subjects view. */
@RestController
@RequestMapping("/api/subjects")
class SubjectQueryController {

    private final QueryGateway queries;

    SubjectQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    /** One subject; with {@code minVersion}, answered once the view reflects that version of it. */
    @GetMapping("/{id}")
    ResponseEntity<SubjectDetails> subject(@PathVariable String id,
                                           @RequestParam(required = false) @Min(0) Long minVersion) {
        SubjectDetails subject = ReadYourWrites.read(() -> queries
                        .query(new FindSubjectQuery(id), ResponseTypes.optionalInstanceOf(SubjectDetails.class))
                        .join(), SubjectDetails::version, minVersion)
                .orElseThrow(() -> new NotFound("subject"));
        return ResponseEntity.ok().eTag(Long.toString(subject.version())).body(subject);
    }
}
