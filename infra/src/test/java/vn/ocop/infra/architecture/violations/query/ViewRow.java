package vn.ocop.infra.architecture.violations.query;

public class ViewRow {
    public String name() {
        return "row";
    }
}
