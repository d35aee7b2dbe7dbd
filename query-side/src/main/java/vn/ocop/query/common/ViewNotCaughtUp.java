package vn.ocop.query.common;

/** The view has not yet reached the version the client asked for within the bounded wait: 503, retry. */
public class ViewNotCaughtUp extends RuntimeException {

    public ViewNotCaughtUp() {
        super("The view has not yet caught up with the requested version.", null, false, false);
    }
}
