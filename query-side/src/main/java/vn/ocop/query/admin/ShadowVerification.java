package vn.ocop.query.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.query.common.ShadowReplay;

/**
 * Rebuilds a view into a shadow copy from every stored event and compares it row by row with the live one,
 * which stays untouched (see {@link ShadowReplay}).
 */
@Component
class ShadowVerification {

    private static final int EXAMPLES = 20;

    /** A table's comparison: rows only the live view has, rows only the replay produced, some of them shown. */
    record TableComparison(String table, long liveRows, long shadowRows, long onlyInLive, long onlyInShadow,
                           List<Map<String, Object>> examplesOnlyInLive, List<Map<String, Object>> examplesOnlyInShadow) {
    }

    /** The verdict: equal when every table's rows match exactly. */
    record Verification(String name, long eventsReplayed, boolean equal, List<TableComparison> tables) {
    }

    private final ShadowReplay replay;
    private final JdbcTemplate jdbc;

    ShadowVerification(ShadowReplay replay, JdbcTemplate jdbc) {
        this.replay = replay;
        this.jdbc = jdbc;
    }

    Optional<Verification> verify(String name) {
        List<String> tables = ShadowReplay.TABLES.get(name);
        if (tables == null) {
            return Optional.empty();
        }
        return Optional.of(replay.replayed(List.of(name), null, shadow -> {
            List<TableComparison> comparisons = new ArrayList<>();
            for (String table : tables) {
                comparisons.add(compare("public." + table, shadow.schema() + "." + table, table));
            }
            boolean equal = comparisons.stream().allMatch(c -> c.onlyInLive() == 0 && c.onlyInShadow() == 0);
            return new Verification(name, shadow.eventsReplayed(), equal, comparisons);
        }));
    }

    private TableComparison compare(String live, String shadow, String table) {
        return new TableComparison(table,
                count("select count(*) from " + live), count("select count(*) from " + shadow),
                count("select count(*) from (select * from " + live + " except select * from " + shadow + ") d"),
                count("select count(*) from (select * from " + shadow + " except select * from " + live + ") d"),
                jdbc.queryForList("select * from " + live + " except select * from " + shadow + " limit " + EXAMPLES),
                jdbc.queryForList("select * from " + shadow + " except select * from " + live + " limit " + EXAMPLES));
    }

    private long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }
}
