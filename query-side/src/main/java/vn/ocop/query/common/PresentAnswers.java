package vn.ocop.query.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Answers read from the present views, kept as written JSON while the views stay as they were read: a dashboard
 * that gathers the country's ten thousand communes is worked out and written once per state of the views, not once
 * per request, and is as fresh as the views are, on every node. Each carries an entity tag of that state, so a
 * client that already holds it is answered "not modified".
 *
 * <p>The views' state is named by what changes with it in the same transaction: the views' processor's tokens
 * (stored with every batch's writes), the dead letters (a retried letter changes the views without the tokens) and
 * the count of rebuilt views swapped in ({@code view_swaps}, raised by the swap). The name is read as the first
 * statement of the read's snapshot, so an answer is never kept under a newer state than the one it was read in; a
 * state that moved on between two reads costs one more reading. Only answers that hold no personal data are kept
 * (the opening of sealed values depends on the vault's keys, not on the views).
 */
@Component
public class PresentAnswers {

    static final String STATE = """
            select coalesce((select string_agg(segment || '=' || md5(coalesce(token, ''::bytea)), ',' order by segment)
                             from token_entry where processor_name = ?), '')
                   || '|' || (select count(*) || '@' || coalesce(max(last_touched), '') from dead_letter_entry)
                   || '|' || (select swaps from view_swaps)""";

    private final ShadowReplay history;
    private final JdbcTemplate jdbc;
    private final Today today;
    private final ObjectMapper json;
    private final Cache<Question, Kept> kept;

    public PresentAnswers(ShadowReplay history, JdbcTemplate jdbc, Today today, ObjectMapper json,
                          @Value("${ocop.dashboards.answers-kept-size:32MB}") DataSize keptSize,
                          @Value("${ocop.dashboards.answers-kept-for:10m}") Duration keptFor) {
        this.history = history;
        this.jdbc = jdbc;
        this.today = today;
        this.json = json;
        this.kept = Caffeine.newBuilder().maximumWeight(keptSize.toBytes())
                .<Question, Kept>weigher((question, answer) -> answer.json().length)
                .expireAfterAccess(keptFor).build();
    }

    /**
     * {@link ShadowReplay#at(Instant, LocalDate, Function)} as JSON: the present's answer kept for the same question
     * ({@code what}, its {@code arguments} and today's date) until the views change, with its entity tag; a past
     * instant or a business date replayed and written as ever.
     */
    public <T> ResponseEntity<JsonAnswer<T>> at(Instant asOf, LocalDate effectiveOn, String what, List<?> arguments,
                                                Function<LocalDate, T> read) {
        if (asOf != null || effectiveOn != null) {
            return ResponseEntity.ok(new JsonAnswer<>(written(history.at(asOf, effectiveOn, read))));
        }
        Kept answer = history.present(() -> {
            String state = jdbc.queryForObject(STATE, String.class, ViewsProcessor.NAME);
            Question question = new Question(what, today.date(), arguments);
            Kept same = kept.getIfPresent(question);
            if (same != null && same.state().equals(state)) {
                return same;
            }
            Kept fresh = new Kept(state, tag(state, question), written(read.apply(question.date())));
            kept.put(question, fresh);
            return fresh;
        });
        return ResponseEntity.ok().eTag(answer.tag()).body(new JsonAnswer<>(answer.json()));
    }

    /** Arguments in a list that may hold nulls (an argument not given). */
    public static List<?> arguments(Object... arguments) {
        return Arrays.asList(arguments);
    }

    private byte[] written(Object answer) {
        try {
            return json.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer could not be written as JSON", e);
        }
    }

    /** The entity tag of a question's answer in a state of the views. */
    private static String tag(String state, Question question) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(state.getBytes(StandardCharsets.UTF_8));
            digest.update(question.toString().getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Question(String what, LocalDate date, List<?> arguments) {
    }

    private record Kept(String state, String tag, byte[] json) {
    }
}
