package vn.ocop.infra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;
import vn.ocop.query.common.JsonAnswer;
import vn.ocop.infra.Http;
import vn.ocop.infra.MutableClock;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.Subjects;
import vn.ocop.query.common.PresentAnswers;
import vn.ocop.query.common.ShadowReplay;
import vn.ocop.query.common.Today;

/**
 * The answers of the present views kept for the dashboards: the same question in the same state of the views is
 * answered without reading; the views moving on (a batch, a rebuilt view swapped in), another day or another
 * question reads afresh; a past instant is replayed as ever.
 */
class PresentAnswersTest extends ServiceTest {

    @Autowired
    PresentAnswers answers;

    @Autowired
    ShadowReplay history;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ObjectMapper json;

    private final AtomicInteger reads = new AtomicInteger();

    /** Reads the register's size, counting the reads. */
    private final Function<LocalDate, Long> registered = date -> {
        reads.incrementAndGet();
        return jdbc.queryForObject("select count(*) from subject_view", Long.class);
    };

    @Test
    void theSameQuestionInTheSameStateIsAnsweredOnceAndAgainOnceTheViewsMoveOn() {
        String what = "subjects-" + UUID.randomUUID();
        long before = count(answers.at(null, null, what, List.of(), registered));
        assertThat(count(answers.at(null, null, what, List.of(), registered))).isEqualTo(before);
        assertThat(reads).hasValue(1);
        // another question (or the same with other arguments) is read on its own
        count(answers.at(null, null, what, PresentAnswers.arguments(2026, null), registered));
        assertThat(reads).hasValue(2);

        String subject = Http.postJson(url("/api/subjects"), Subjects.registration(Subjects.uniqueRegistrationNumber()))
                .json().get("id").asText();
        assertThat(Http.get(url("/api/subjects/" + subject + "?minVersion=0")).status()).isEqualTo(200);

        assertThat(count(answers.at(null, null, what, List.of(), registered))).isEqualTo(before + 1);
        assertThat(reads).hasValue(3);
        assertThat(count(answers.at(null, null, what, List.of(), registered))).isEqualTo(before + 1);
        assertThat(reads).hasValue(3);
    }

    @Test
    void aRebuiltViewSwappedInIsReadAfresh() {
        String what = "subjects-" + UUID.randomUUID();
        count(answers.at(null, null, what, List.of(), registered));
        // what the swap of a rebuilt view does to the count (ProjectionRebuildTest: that a rebuild counts its swap)
        jdbc.update("update view_swaps set swaps = swaps + 1");
        count(answers.at(null, null, what, List.of(), registered));
        count(answers.at(null, null, what, List.of(), registered));
        assertThat(reads).hasValue(2);
    }

    @Test
    void anAnswerIsKeptForItsDayOnly() {
        MutableClock days = new MutableClock();
        PresentAnswers ofTheirDay = new PresentAnswers(history, jdbc, new Today(days), json,
                DataSize.ofMegabytes(1), Duration.ofMinutes(1));
        String what = "subjects-" + UUID.randomUUID();
        count(ofTheirDay.at(null, null, what, List.of(), registered));
        count(ofTheirDay.at(null, null, what, List.of(), registered));
        days.moveTo(clock.instant().plus(Duration.ofDays(1)));
        count(ofTheirDay.at(null, null, what, List.of(), registered));
        assertThat(reads).hasValue(2);
    }

    @Test
    void aPastInstantIsReplayedEachTime() {
        String what = "subjects-" + UUID.randomUUID();
        assertThat(count(answers.at(Instant.EPOCH, null, what, List.of(), registered))).isZero();
        assertThat(count(answers.at(Instant.EPOCH, null, what, List.of(), registered))).isZero();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aClientHoldingTheAnswerOfThisStateIsToldItIsNotModified() {
        Http.Response first = Http.get(url("/api/dashboard/districts"));
        String tag = first.header("ETag");
        assertThat(tag).startsWith("\"");
        Http.Response again = Http.get(url("/api/dashboard/districts"), Map.of("If-None-Match", tag));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        String subject = Http.postJson(url("/api/subjects"), Subjects.registration(Subjects.uniqueRegistrationNumber()))
                .json().get("id").asText();
        assertThat(Http.get(url("/api/subjects/" + subject + "?minVersion=0")).status()).isEqualTo(200);
        Http.Response moved = Http.get(url("/api/dashboard/districts"), Map.of("If-None-Match", tag));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.header("ETag")).isNotEqualTo(tag);
        assertThat(moved.json()).isEqualTo(Http.get(url("/api/dashboard/districts?fiscalYear="
                + LocalDate.now(clock.withZone(Today.VIETNAM)).getYear())).json());
    }

    private long count(ResponseEntity<JsonAnswer<Long>> answer) {
        return Long.parseLong(new String(answer.getBody().json(), StandardCharsets.UTF_8));
    }
}
