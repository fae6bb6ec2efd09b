package chime.conformance.runner.faults;

import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/** The faults' entry to {@link chime.conformance.runner.api.Members}, which reads members by model name. */
public final class Members {

    private Members() {
    }

    public static boolean has(SdkPojo pojo, String member) {
        return chime.conformance.runner.api.Members.has(pojo, member);
    }

    public static Object get(SdkPojo pojo, String member) {
        return chime.conformance.runner.api.Members.get(pojo, member);
    }

    public static String text(SdkPojo pojo, String member) {
        return chime.conformance.runner.api.Members.text(pojo, member);
    }

    public static <T extends SdkRequest> T with(T request, String member, Object value) {
        return chime.conformance.runner.api.Members.with(request, member, value);
    }

    public static <T extends SdkResponse> T with(T response, String member, Object value) {
        return chime.conformance.runner.api.Members.with(response, member, value);
    }
}
