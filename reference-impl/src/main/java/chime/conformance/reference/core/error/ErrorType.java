package chime.conformance.reference.core.error;

/**
 * The kinds of rejection the core can give, one for each modeled exception of the service
 * (model-constraints section 2). The core says only which kind; what each kind is on the wire and in the
 * SDK (exception class, HTTP status, {@code ErrorCode}) is stated once, in the kit's error catalogue
 * ({@code chime.conformance.contract.ModeledError}, whose entries carry the same names), which the SDK
 * adapter reads ({@code sdk/SdkErrors}). The core stays free of the SDK.
 *
 * <p>RESOURCE_LIMIT_EXCEEDED and BAD_REQUEST share a status on the wire (ERR-005): callers compare the type.
 */
public enum ErrorType {
    BAD_REQUEST,
    CONFLICT,
    FORBIDDEN,
    NOT_FOUND,
    RESOURCE_LIMIT_EXCEEDED,
    SERVICE_FAILURE,
    SERVICE_UNAVAILABLE,
    THROTTLED_CLIENT,
    UNAUTHORIZED_CLIENT
}
