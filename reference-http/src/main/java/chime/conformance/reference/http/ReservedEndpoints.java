package chime.conformance.reference.http;

/**
 * Endpoints of the server that are not the API's, all under {@value #PREFIX}: a path no operation of the API can
 * have (its paths start with {@code /channels}, {@code /channel-flows}, {@code /endpoints}, {@code /tags} and
 * {@code /app-instance...}). One handler ({@link ReservedPathsHandler}) answers the whole prefix and asks each
 * set of endpoints in turn; a path under the prefix that none has is a 404 naming what there is.
 */
public interface ReservedEndpoints {

    /** The root of the reserved paths, version 1. */
    String PREFIX = "/_chime-conformance/v1";

    /** Whether a raw (still encoded) path under the prefix is one of these endpoints'. */
    boolean answers(String rawPath);

    /** Answers one request; never throws: a failure is a reply in the AWS error shape. */
    WireReply answer(String method, String rawPath, String rawQuery, byte[] body);

    /** The endpoints, as {@code METHOD path} lines, to name them in the answer to a path that is not there. */
    java.util.List<String> describe();
}
