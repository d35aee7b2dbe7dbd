package vn.ocop.query.support;

import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.query.common.RecordStates;

/** Budget lines and support grants: their rows in the support ledger. */
@Configuration(proxyBeanMethods = false)
class SupportStates {

    @Bean
    RecordStates budgetLineStates(JdbcTemplate jdbc) {
        return new LedgerRow(jdbc, "budgets", "budget_line_view", "budget_line_id");
    }

    @Bean
    RecordStates supportGrantStates(JdbcTemplate jdbc) {
        return new LedgerRow(jdbc, "support-grants", "support_grant_view", "grant_id");
    }

    private record LedgerRow(JdbcTemplate jdbc, String type, String table, String key) implements RecordStates {

        @Override
        public String view() {
            return "support-ledger";
        }

        @Override
        public Optional<Map<String, Object>> find(String id) {
            return jdbc.queryForList("select * from " + table + " where " + key + " = ?", id).stream().findFirst();
        }
    }
}
