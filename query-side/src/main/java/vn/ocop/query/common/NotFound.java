package vn.ocop.query.common;

/** The view holds no such resource (or it is not visible to the caller). Maps to a 404 problem. */
public class NotFound extends RuntimeException {

    private final String resource;

    public NotFound(String resource) {
        super("No such " + resource + ".", null, false, false);
        this.resource = resource;
    }

    /** What was looked for, e.g. "subject"; never the identifier. */
    public String resource() {
        return resource;
    }
}
