package chime.conformance.reference.core.support;

import chime.conformance.reference.core.validation.Check;

import java.util.Objects;

/**
 * Builds every identifier and ARN the service issues, in the shape of the real ones:
 * {@code arn:aws:chime:<region>:<account>:app-instance/<id>}, {@code <appInstanceArn>/user/<userId>},
 * {@code <appInstanceArn>/channel/<id>} and {@code <appInstanceArn>/channel-flow/<id>}.
 */
public final class Identifiers {

    private static final int CALLBACK_ID_MIN = 32;
    private static final int CALLBACK_ID_MAX = 64;

    private final IdGenerator generator;
    private final String region;
    private final String accountId;

    public Identifiers(IdGenerator generator, String region, String accountId) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.region = Objects.requireNonNull(region, "region");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    /** A fresh identifier; fails fast if an injected generator breaks the MessageId pattern. */
    public String newId() {
        String id = generator.newId();
        if (id == null || id.isEmpty() || id.length() > 64 || !Check.inIdAlphabet(id)) {
            throw new IllegalStateException("IdGenerator produced an identifier outside [-_a-zA-Z0-9]{1,64}: " + id);
        }
        return id;
    }

    public String appInstanceArn(String id) {
        return "arn:aws:chime:" + region + ":" + accountId + ":app-instance/" + id;
    }

    public static String appInstanceUserArn(String appInstanceArn, String appInstanceUserId) {
        return appInstanceArn + "/user/" + appInstanceUserId;
    }

    public String newChannelArn(String appInstanceArn) {
        return appInstanceArn + "/channel/" + newId();
    }

    public String newChannelFlowArn(String appInstanceArn) {
        return appInstanceArn + "/channel-flow/" + newId();
    }

    public String newMessageId() {
        return newId();
    }

    /**
     * A CallbackId within the model's CallbackIdType length, 32 to 64 characters (SIZE-010): the
     * generator's identifier without separators, left-padded with zeros when shorter.
     */
    public String newCallbackId() {
        StringBuilder id = new StringBuilder(newId().replace("-", "").replace("_", ""));
        while (id.length() < CALLBACK_ID_MIN) {
            id.insert(0, '0');
        }
        return id.length() > CALLBACK_ID_MAX ? id.substring(id.length() - CALLBACK_ID_MAX) : id.toString();
    }
}
