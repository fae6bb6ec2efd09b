package chime.conformance.reference.core.model;

import chime.conformance.reference.core.model.AppInstanceUser;
import chime.conformance.reference.core.model.Identity;

/** The AppInstanceUser named by the x-amz-chime-bearer header of a request. */
public record Caller(AppInstanceUser user) {

    public String arn() {
        return user.appInstanceUserArn();
    }

    public String appInstanceArn() {
        return user.appInstanceArn();
    }

    public Identity identity() {
        return user.identity();
    }
}
