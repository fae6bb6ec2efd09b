package chime.conformance.contract;

import software.amazon.awssdk.core.SdkRequest;

/**
 * One operation as its service model states it: the HTTP method and request URI of its {@code http} trait
 * (with the static query parameter some operations carry in their URI, {@code ?operation=batch-create}) and
 * the success status (its {@code responseCode}, 200 when the model gives none).
 */
public record Operation(Service service, String name, String method, String requestUri, int successStatus) {

    /** The SDK request class of the operation, e.g. {@code CreateChannelRequest}. */
    public Class<? extends SdkRequest> requestClass() {
        return service.requestClass(name);
    }

    /** The operation a request calls, by its SDK class, e.g. {@code CreateChannel}. */
    public static String nameOf(Class<?> requestOrResponse) {
        String simple = requestOrResponse.getSimpleName();
        for (String suffix : new String[] {"Request", "Response"}) {
            if (simple.endsWith(suffix)) {
                return simple.substring(0, simple.length() - suffix.length());
            }
        }
        throw new IllegalArgumentException(simple + " is neither a request nor a response");
    }
}
