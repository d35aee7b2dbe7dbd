package vn.ocop.query.subject;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import vn.ocop.events.subject.LegalForm;
import vn.ocop.query.common.Page;
import org.springframework.web.bind.annotation.RequestParam;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.ocop.query.common.NotFound;
import vn.ocop.query.common.ReaderScope;
import vn.ocop.query.common.ReadYourWrites;
import vn.ocop.query.common.RecordedAggregates;
import vn.ocop.query.common.ShadowReplay;

/** Reads of the subjects view. */
@RestController
@RequestMapping("/api/subjects")
class SubjectQueryController {

    private final QueryGateway queries;
    private final SubjectDirectory directory;
    private final ReaderScope scope;
    private final ShadowReplay views;
    private final RecordedAggregates recorded;

    SubjectQueryController(QueryGateway queries, SubjectDirectory directory, ReaderScope scope,
                           ShadowReplay views, RecordedAggregates recorded) {
        this.queries = queries;
        this.directory = directory;
        this.scope = scope;
        this.views = views;
        this.recorded = recorded;
    }

    /**
     * Subjects matching every filter given; {@code q} ignores diacritics and case (name, registration number).
     * With {@code asOf} and {@code effectiveOn}, as known at that instant and in effect on that date.
     */
    @GetMapping
    Page<SubjectDirectory.SubjectSummary> subjects(@RequestParam(required = false) @Size(max = 200) String q,
                                                   @RequestParam(required = false) String communeCode,
                                                   @RequestParam(required = false) LegalForm legalForm,
                                                   @RequestParam(required = false) Standing standing,
                                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                                   @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                                                   @RequestParam(required = false) Instant asOf,
                                                   @RequestParam(required = false) LocalDate effectiveOn) {
        List<String> communes = scope.within(communeCode == null ? null : List.of(communeCode));
        return views.at(asOf, effectiveOn, List.of("subjects"), date -> directory.search(q, communes, legalForm == null ? null : legalForm.name(),
                standing == null ? null : standing.name(), page, size));
    }

    /** The subject's products with their certificates, and the support it received; as the search, in time. */
    @GetMapping("/{id}/portfolio")
    SubjectDirectory.Portfolio portfolio(@PathVariable String id, @RequestParam(required = false) Instant asOf,
                                         @RequestParam(required = false) LocalDate effectiveOn) {
        if (!directory.communeOf(id).filter(scope::sees).isPresent()) {
            throw new NotFound("subject");
        }
        return views.at(asOf, effectiveOn, date -> directory.portfolio(id));
    }

    /** A subject's standing in the programme. */
    enum Standing { ACTIVE, SUSPENDED, DISSOLVED }

    /** One subject; with {@code minVersion}, answered once the view reflects that version of it. */
    @GetMapping("/{id}")
    ResponseEntity<SubjectDetails> subject(@PathVariable String id,
                                           @RequestParam(required = false) @Min(0) Long minVersion) {
        SubjectDetails subject = ReadYourWrites.read(() -> queries
                        .query(new FindSubjectQuery(id), ResponseTypes.optionalInstanceOf(SubjectDetails.class))
                        .join(), SubjectDetails::version, minVersion, () -> recorded.exists(id))
                .filter(found -> scope.sees(found.communeCode()))
                .orElseThrow(() -> new NotFound("subject"));
        return ResponseEntity.ok().eTag(Long.toString(subject.version()))
                .body(scope.seesPersonalData() ? subject : subject.masked());
    }
}
