package vn.ocop.infra.architecture.violations.query;

import vn.ocop.infra.architecture.violations.command.ReadsAView;

public class SendsACommand {
    ReadsAView handler = new ReadsAView();
}
