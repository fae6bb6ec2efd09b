package chime.conformance.reference;

import software.amazon.awssdk.services.chimesdkidentity.ChimeSdkIdentityClient;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelPrivacy;

/**
 * A fresh reference service with one AppInstance and a cast: Alice creates channels, Bob is a member,
 * Carol is an outsider, Mallory gets banned, Ada is the AppInstanceAdmin. Everything goes through the SDK
 * client interfaces, which are the contract.
 */
final class Fixture implements AutoCloseable {

    final ReferenceService service;
    final ChimeSdkMessagingClient messaging;
    final ChimeSdkIdentityClient identity;
    final String appInstanceArn;
    final String alice;
    final String bob;
    final String carol;
    final String mallory;
    final String ada;
    private final AutoCloseable closing;

    Fixture() {
        this(ReferenceService.create());
    }

    Fixture(ReferenceService service) {
        this(service, service.messagingClient(), service.identityClient(), () -> { });
    }

    /**
     * The same cast reached through other clients of {@code service}, e.g. SDK clients over HTTP;
     * {@code closing} releases them (and whatever serves them) before the service closes.
     */
    Fixture(ReferenceService service, ChimeSdkMessagingClient messaging, ChimeSdkIdentityClient identity,
            AutoCloseable closing) {
        this.service = service;
        this.messaging = messaging;
        this.identity = identity;
        this.closing = closing;
        this.appInstanceArn = appInstance("conformance");
        this.alice = user(appInstanceArn, "alice", "Alice");
        this.bob = user(appInstanceArn, "bob", "Bob");
        this.carol = user(appInstanceArn, "carol", "Carol");
        this.mallory = user(appInstanceArn, "mallory", "Mallory");
        this.ada = user(appInstanceArn, "ada", "Ada");
        identity.createAppInstanceAdmin(r -> r.appInstanceArn(appInstanceArn).appInstanceAdminArn(ada));
    }

    String appInstance(String name) {
        return identity.createAppInstance(r -> r.name(name)).appInstanceArn();
    }

    String user(String appInstance, String id, String name) {
        return identity.createAppInstanceUser(r -> r.appInstanceArn(appInstance).appInstanceUserId(id).name(name))
                .appInstanceUserArn();
    }

    String channel(String creator, String name, ChannelMode mode, ChannelPrivacy privacy) {
        return messaging.createChannel(r -> r.chimeBearer(creator).appInstanceArn(appInstanceArn).name(name)
                .mode(mode).privacy(privacy)).channelArn();
    }

    /** A public, unrestricted channel created by Alice, with Bob as a member (added by Ada, the admin). */
    String bookClub() {
        String channel = channel(alice, "book-club", ChannelMode.UNRESTRICTED, ChannelPrivacy.PUBLIC);
        member(channel, bob);
        return channel;
    }

    void member(String channel, String user) {
        messaging.createChannelMembership(r -> r.chimeBearer(ada).channelArn(channel).memberArn(user)
                .type(ChannelMembershipType.DEFAULT));
    }

    void moderator(String channel, String user) {
        messaging.createChannelModerator(r -> r.chimeBearer(ada).channelArn(channel).channelModeratorArn(user));
    }

    @Override
    public void close() {
        try {
            closing.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the fixture's clients failed", e);
        } finally {
            service.close();
        }
    }
}
