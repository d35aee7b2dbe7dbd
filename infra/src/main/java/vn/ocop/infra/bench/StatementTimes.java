package vn.ocop.infra.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database's own time per command, statement by statement, from PostgreSQL's {@code pg_stat_statements}
 * ({@code benchmark --statements}, which preloads it into the embedded server): what a flight recording of the
 * service cannot see. Only this database's statements count (the peer has one of its own on the same server). A
 * commit's own work, the wait for the disk among it, is done after its statement's count ends, so it is not in
 * these figures: the benchmark counts commits per command beside them.
 */
final class StatementTimes {

    /** The embedded server's setting that loads the extension at its start. */
    static final String PRELOAD = "--ocop.embedded-database.settings.shared_preload_libraries=pg_stat_statements";

    /** Statements listed per measurement, the most costly first. */
    private static final int LISTED = 12;

    private final JdbcTemplate jdbc;

    StatementTimes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("create extension if not exists pg_stat_statements");
    }

    /** Forgets what was counted so far. */
    void reset() {
        jdbc.queryForList("select pg_stat_statements_reset()");
    }

    /** What was counted since the reset, per command: the whole database time and the costliest statements. */
    Map<String, Object> perCommand(long commands) {
        List<Map<String, Object>> statements = jdbc.queryForList("""
                select regexp_replace(query, '\\s+', ' ', 'g') as query, calls, total_exec_time as millis
                from pg_stat_statements
                where dbid = (select oid from pg_database where datname = current_database())
                  and query not like '%pg_stat_statements%'
                order by total_exec_time desc""");
        double total = 0;
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Map<String, Object> statement : statements) {
            double millis = ((Number) statement.get("millis")).doubleValue();
            total += millis;
            if (listed.size() < LISTED) {
                Map<String, Object> entry = new LinkedHashMap<>();
                String query = (String) statement.get("query");
                entry.put("statement", query.length() > 120 ? query.substring(0, 120) + "…" : query);
                entry.put("callsPerCommand", ((Number) statement.get("calls")).doubleValue() / commands);
                entry.put("msPerCommand", millis / commands);
                listed.add(entry);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("commands", commands);
        result.put("msPerCommand", total / commands);
        result.put("statements", listed);
        return result;
    }
}
