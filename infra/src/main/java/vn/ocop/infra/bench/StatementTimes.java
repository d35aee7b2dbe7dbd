package vn.ocop.infra.bench;

import java.util.ArrayList;
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

    /** One statement's share of the commands measured. */
    record Statement(String statement, double callsPerCommand, double msPerCommand) {
    }

    /** What was counted over {@code commands} commands: the database's whole time and the costliest statements. */
    record PerCommand(long commands, double msPerCommand, List<Statement> statements) {
    }

    /** What was counted since the reset, per command. */
    PerCommand perCommand(long commands) {
        List<Map<String, Object>> counted = jdbc.queryForList("""
                select regexp_replace(query, '\\s+', ' ', 'g') as query, calls, total_exec_time as millis
                from pg_stat_statements
                where dbid = (select oid from pg_database where datname = current_database())
                  and query not like '%pg_stat_statements%'
                order by total_exec_time desc""");
        double total = 0;
        List<Statement> listed = new ArrayList<>();
        for (Map<String, Object> statement : counted) {
            double millis = ((Number) statement.get("millis")).doubleValue();
            total += millis;
            if (listed.size() < LISTED) {
                String query = (String) statement.get("query");
                listed.add(new Statement(query.length() > 120 ? query.substring(0, 120) + "…" : query,
                        ((Number) statement.get("calls")).doubleValue() / commands, millis / commands));
            }
        }
        return new PerCommand(commands, total / commands, listed);
    }
}
