package vn.ocop.infra.architecture.violations.command;

import vn.ocop.infra.architecture.violations.query.ViewRow;

public class ReadsAView {
    String decide(ViewRow row) {
        return row.name();
    }
}
