package chime.conformance.reference.sdk;

import chime.conformance.reference.core.MessagingCore;
import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.model.BatchChannelMemberships;
import chime.conformance.reference.core.model.CallbackReceipt;
import chime.conformance.reference.core.model.Channel;
import chime.conformance.reference.core.model.ChannelBan;
import chime.conformance.reference.core.model.ChannelFlow;
import chime.conformance.reference.core.model.ChannelMembership;
import chime.conformance.reference.core.model.ChannelMembershipForAppInstanceUser;
import chime.conformance.reference.core.model.ChannelMessage;
import chime.conformance.reference.core.model.ChannelModerator;
import chime.conformance.reference.core.model.MessageCallback;
import chime.conformance.reference.core.model.MessageReceipt;
import chime.conformance.reference.core.paging.Page;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingServiceClientConfiguration;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.AssociateChannelFlowRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.AssociateChannelFlowResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowCallbackRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowCallbackResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelFlowRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelFlowResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.DeleteChannelFlowRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.DeleteChannelFlowResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.DescribeChannelFlowRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.DescribeChannelFlowResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.DisassociateChannelFlowRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.DisassociateChannelFlowResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelFlowsRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelFlowsResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelsAssociatedWithChannelFlowRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelsAssociatedWithChannelFlowResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.UpdateChannelFlowRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.UpdateChannelFlowResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.BatchCreateChannelMembershipRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.BatchCreateChannelMembershipResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelBanRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelBanResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelMembershipRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelMembershipResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelModeratorRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelModeratorResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.CreateChannelResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.DeleteChannelBanRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.DeleteChannelBanResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.DeleteChannelMembershipRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.DeleteChannelMembershipResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.DeleteChannelModeratorRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.DeleteChannelModeratorResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.DeleteChannelRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.DeleteChannelResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.DeleteChannelMessageRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.DeleteChannelMessageResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.GetChannelMessageRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.GetChannelMessageResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.GetChannelMessageStatusRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.GetChannelMessageStatusResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.GetMessagingSessionEndpointRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.GetMessagingSessionEndpointResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelMessagesRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelMessagesResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.MessagingSessionEndpoint;
import software.amazon.awssdk.services.chimesdkmessaging.model.RedactChannelMessageRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.RedactChannelMessageResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.SendChannelMessageRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.SendChannelMessageResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.TagResourceRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.TagResourceResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.UntagResourceRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.UntagResourceResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.UpdateChannelMessageRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.UpdateChannelMessageResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.DescribeChannelBanRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.DescribeChannelBanResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.DescribeChannelMembershipForAppInstanceUserRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.DescribeChannelMembershipForAppInstanceUserResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.DescribeChannelMembershipRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.DescribeChannelMembershipResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.DescribeChannelModeratedByAppInstanceUserRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.DescribeChannelModeratedByAppInstanceUserResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.DescribeChannelModeratorRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.DescribeChannelModeratorResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.DescribeChannelRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.DescribeChannelResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelBansRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelBansResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelMembershipsForAppInstanceUserRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelMembershipsForAppInstanceUserResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelMembershipsRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelMembershipsResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelModeratorsRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelModeratorsResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelsModeratedByAppInstanceUserRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelsModeratedByAppInstanceUserResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelsRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.ListChannelsResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.UpdateChannelReadMarkerRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.UpdateChannelReadMarkerResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.UpdateChannelRequest;
import software.amazon.awssdk.services.chimesdkmessaging.model.UpdateChannelResponse;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import static chime.conformance.reference.sdk.MessagingModels.answer;

/**
 * The reference implementation as a {@link ChimeSdkMessagingClient}: a thin adapter from the SDK's request
 * and response classes to {@link MessagingCore}. It overrides the operations of the documentation; the
 * operations the documentation does not describe (GetChannelMembershipPreferences,
 * PutChannelMembershipPreferences, ListSubChannels, SearchChannels and the newer ones) keep the SDK's
 * default, which throws UnsupportedOperationException.
 *
 * <p>Request members newer than the documentation (SubChannelId, Target, MessageAttributes, ContentType,
 * PushNotification, ElasticChannelConfiguration, ChannelId, MemberArns and ModeratorArns on CreateChannel)
 * are ignored, never rejected, and never emitted.
 *
 * <p>Idempotency tokens: the generated SDK client fills a missing {@code idempotencyToken} member
 * (CreateChannel and SendChannelMessage ClientRequestToken, ChannelFlowCallback CallbackId) with a random
 * UUID while marshalling (IDEM-002, IDEM-004). With {@code sdkTokenAutofill} this client does the same, so it
 * behaves like the SDK talking to the service; without it a missing token is rejected as a raw request
 * without the member would be on the wire.
 */
public final class ReferenceMessagingClient implements ChimeSdkMessagingClient {

    private final MessagingCore core;
    private final boolean sdkTokenAutofill;

    public ReferenceMessagingClient(MessagingCore core, boolean sdkTokenAutofill) {
        this.core = Objects.requireNonNull(core, "core");
        this.sdkTokenAutofill = sdkTokenAutofill;
    }

    /** The messaging sessions of the service behind this client (its subscription API, and its faults). */
    public chime.conformance.reference.core.session.MessagingSessions sessions() {
        return core.sessions();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public ChimeSdkMessagingServiceClientConfiguration serviceClientConfiguration() {
        return ChimeSdkMessagingServiceClientConfiguration.builder().region(Region.of(core.region())).build();
    }

    @Override
    public void close() {
        // The core belongs to the ReferenceService that created this client.
    }

    /** Runs one operation: planned faults first, then the core; a rejection becomes the modeled exception. */
    private <T> T call(String operation, Supplier<T> body) {
        try {
            core.faults().beforeCall(operation);
            return body.get();
        } catch (ApiError error) {
            throw SdkErrors.messaging(error);
        }
    }

    private String idempotencyToken(String token) {
        return token == null && sdkTokenAutofill ? UUID.randomUUID().toString() : token;
    }

    // ---- channels ---------------------------------------------------------------------------------------

    @Override
    public CreateChannelResponse createChannel(CreateChannelRequest request) {
        return call("CreateChannel", () -> {
            String channelArn = core.channels().create(request.chimeBearer(), request.appInstanceArn(), request.name(),
                    request.modeAsString(), request.privacyAsString(), request.metadata(),
                    idempotencyToken(request.clientRequestToken()),
                    MessagingModels.tags(request.hasTags(), request.tags()));
            return answer(CreateChannelResponse.builder().channelArn(channelArn));
        });
    }

    @Override
    public UpdateChannelResponse updateChannel(UpdateChannelRequest request) {
        return call("UpdateChannel", () -> answer(UpdateChannelResponse.builder().channelArn(
                core.channels().update(request.chimeBearer(), request.channelArn(), request.name(),
                        request.modeAsString(), request.metadata()))));
    }

    @Override
    public DeleteChannelResponse deleteChannel(DeleteChannelRequest request) {
        return call("DeleteChannel", () -> {
            core.channels().delete(request.chimeBearer(), request.channelArn());
            return answer(DeleteChannelResponse.builder());
        });
    }

    @Override
    public DescribeChannelResponse describeChannel(DescribeChannelRequest request) {
        return call("DescribeChannel", () -> {
            Channel channel = core.channels().describe(request.chimeBearer(), request.channelArn());
            return answer(DescribeChannelResponse.builder().channel(MessagingModels.channel(channel)));
        });
    }

    @Override
    public ListChannelsResponse listChannels(ListChannelsRequest request) {
        return call("ListChannels", () -> {
            Page<Channel> page = core.channels().list(request.chimeBearer(), request.appInstanceArn(),
                    request.privacyAsString(), request.maxResults(), request.nextToken());
            return answer(ListChannelsResponse.builder()
                    .channels(page.items().stream().map(MessagingModels::channelSummary).toList())
                    .nextToken(page.nextToken()));
        });
    }

    @Override
    public ListChannelMembershipsForAppInstanceUserResponse listChannelMembershipsForAppInstanceUser(
            ListChannelMembershipsForAppInstanceUserRequest request) {
        return call("ListChannelMembershipsForAppInstanceUser", () -> {
            Page<ChannelMembershipForAppInstanceUser> page = core.channels().listMembershipsForAppInstanceUser(
                    request.chimeBearer(), request.appInstanceUserArn(), request.maxResults(), request.nextToken());
            return answer(ListChannelMembershipsForAppInstanceUserResponse.builder()
                    .channelMemberships(page.items().stream().map(MessagingModels::membershipForAppInstanceUser).toList())
                    .nextToken(page.nextToken()));
        });
    }

    @Override
    public DescribeChannelMembershipForAppInstanceUserResponse describeChannelMembershipForAppInstanceUser(
            DescribeChannelMembershipForAppInstanceUserRequest request) {
        return call("DescribeChannelMembershipForAppInstanceUser", () -> {
            ChannelMembershipForAppInstanceUser view = core.channels().describeMembershipForAppInstanceUser(
                    request.chimeBearer(), request.channelArn(), request.appInstanceUserArn());
            return answer(DescribeChannelMembershipForAppInstanceUserResponse.builder()
                    .channelMembership(MessagingModels.membershipForAppInstanceUser(view)));
        });
    }

    @Override
    public DescribeChannelModeratedByAppInstanceUserResponse describeChannelModeratedByAppInstanceUser(
            DescribeChannelModeratedByAppInstanceUserRequest request) {
        return call("DescribeChannelModeratedByAppInstanceUser", () -> {
            Channel channel = core.channels().describeModeratedByAppInstanceUser(request.chimeBearer(),
                    request.channelArn(), request.appInstanceUserArn());
            return answer(DescribeChannelModeratedByAppInstanceUserResponse.builder()
                    .channel(MessagingModels.moderatedChannel(channel)));
        });
    }

    @Override
    public ListChannelsModeratedByAppInstanceUserResponse listChannelsModeratedByAppInstanceUser(
            ListChannelsModeratedByAppInstanceUserRequest request) {
        return call("ListChannelsModeratedByAppInstanceUser", () -> {
            Page<Channel> page = core.channels().listModeratedByAppInstanceUser(request.chimeBearer(),
                    request.appInstanceUserArn(), request.maxResults(), request.nextToken());
            return answer(ListChannelsModeratedByAppInstanceUserResponse.builder()
                    .channels(page.items().stream().map(MessagingModels::moderatedChannel).toList())
                    .nextToken(page.nextToken()));
        });
    }

    // ---- memberships ------------------------------------------------------------------------------------

    @Override
    public CreateChannelMembershipResponse createChannelMembership(CreateChannelMembershipRequest request) {
        return call("CreateChannelMembership", () -> {
            ChannelMembership membership = core.memberships().create(request.chimeBearer(), request.channelArn(),
                    request.memberArn(), request.typeAsString());
            return answer(CreateChannelMembershipResponse.builder()
                    .channelArn(membership.channelArn())
                    .member(MessagingModels.identity(membership.member())));
        });
    }

    @Override
    public BatchCreateChannelMembershipResponse batchCreateChannelMembership(BatchCreateChannelMembershipRequest request) {
        return call("BatchCreateChannelMembership", () -> {
            BatchChannelMemberships batch = core.memberships().batchCreate(request.chimeBearer(), request.channelArn(),
                    request.typeAsString(), request.hasMemberArns() ? request.memberArns() : null);
            return answer(BatchCreateChannelMembershipResponse.builder()
                    .batchChannelMemberships(MessagingModels.batch(batch))
                    .errors(MessagingModels.batchErrors(batch)));
        });
    }

    @Override
    public DeleteChannelMembershipResponse deleteChannelMembership(DeleteChannelMembershipRequest request) {
        return call("DeleteChannelMembership", () -> {
            core.memberships().delete(request.chimeBearer(), request.channelArn(), request.memberArn());
            return answer(DeleteChannelMembershipResponse.builder());
        });
    }

    @Override
    public DescribeChannelMembershipResponse describeChannelMembership(DescribeChannelMembershipRequest request) {
        return call("DescribeChannelMembership", () -> {
            ChannelMembership membership = core.memberships().describe(request.chimeBearer(), request.channelArn(),
                    request.memberArn());
            return answer(DescribeChannelMembershipResponse.builder()
                    .channelMembership(MessagingModels.membership(membership)));
        });
    }

    @Override
    public ListChannelMembershipsResponse listChannelMemberships(ListChannelMembershipsRequest request) {
        return call("ListChannelMemberships", () -> {
            Page<ChannelMembership> page = core.memberships().list(request.chimeBearer(), request.channelArn(),
                    request.typeAsString(), request.maxResults(), request.nextToken());
            return answer(ListChannelMembershipsResponse.builder()
                    .channelArn(request.channelArn())
                    .channelMemberships(page.items().stream().map(MessagingModels::membershipSummary).toList())
                    .nextToken(page.nextToken()));
        });
    }

    @Override
    public UpdateChannelReadMarkerResponse updateChannelReadMarker(UpdateChannelReadMarkerRequest request) {
        return call("UpdateChannelReadMarker", () -> answer(UpdateChannelReadMarkerResponse.builder()
                .channelArn(core.memberships().updateReadMarker(request.chimeBearer(), request.channelArn()))));
    }

    // ---- moderators -------------------------------------------------------------------------------------

    @Override
    public CreateChannelModeratorResponse createChannelModerator(CreateChannelModeratorRequest request) {
        return call("CreateChannelModerator", () -> {
            ChannelModerator moderator = core.moderators().create(request.chimeBearer(), request.channelArn(),
                    request.channelModeratorArn());
            return answer(CreateChannelModeratorResponse.builder()
                    .channelArn(moderator.channelArn())
                    .channelModerator(MessagingModels.identity(moderator.moderator())));
        });
    }

    @Override
    public DeleteChannelModeratorResponse deleteChannelModerator(DeleteChannelModeratorRequest request) {
        return call("DeleteChannelModerator", () -> {
            core.moderators().delete(request.chimeBearer(), request.channelArn(), request.channelModeratorArn());
            return answer(DeleteChannelModeratorResponse.builder());
        });
    }

    @Override
    public DescribeChannelModeratorResponse describeChannelModerator(DescribeChannelModeratorRequest request) {
        return call("DescribeChannelModerator", () -> {
            ChannelModerator moderator = core.moderators().describe(request.chimeBearer(), request.channelArn(),
                    request.channelModeratorArn());
            return answer(DescribeChannelModeratorResponse.builder()
                    .channelModerator(MessagingModels.moderator(moderator)));
        });
    }

    @Override
    public ListChannelModeratorsResponse listChannelModerators(ListChannelModeratorsRequest request) {
        return call("ListChannelModerators", () -> {
            Page<ChannelModerator> page = core.moderators().list(request.chimeBearer(), request.channelArn(),
                    request.maxResults(), request.nextToken());
            return answer(ListChannelModeratorsResponse.builder()
                    .channelArn(request.channelArn())
                    .channelModerators(page.items().stream().map(MessagingModels::moderatorSummary).toList())
                    .nextToken(page.nextToken()));
        });
    }

    // ---- bans -------------------------------------------------------------------------------------------

    @Override
    public CreateChannelBanResponse createChannelBan(CreateChannelBanRequest request) {
        return call("CreateChannelBan", () -> {
            ChannelBan ban = core.bans().create(request.chimeBearer(), request.channelArn(), request.memberArn());
            return answer(CreateChannelBanResponse.builder()
                    .channelArn(ban.channelArn())
                    .member(MessagingModels.identity(ban.member())));
        });
    }

    @Override
    public DeleteChannelBanResponse deleteChannelBan(DeleteChannelBanRequest request) {
        return call("DeleteChannelBan", () -> {
            core.bans().delete(request.chimeBearer(), request.channelArn(), request.memberArn());
            return answer(DeleteChannelBanResponse.builder());
        });
    }

    @Override
    public DescribeChannelBanResponse describeChannelBan(DescribeChannelBanRequest request) {
        return call("DescribeChannelBan", () -> {
            ChannelBan ban = core.bans().describe(request.chimeBearer(), request.channelArn(), request.memberArn());
            return answer(DescribeChannelBanResponse.builder().channelBan(MessagingModels.ban(ban)));
        });
    }

    @Override
    public ListChannelBansResponse listChannelBans(ListChannelBansRequest request) {
        return call("ListChannelBans", () -> {
            Page<ChannelBan> page = core.bans().list(request.chimeBearer(), request.channelArn(),
                    request.maxResults(), request.nextToken());
            return answer(ListChannelBansResponse.builder()
                    .channelArn(request.channelArn())
                    .channelBans(page.items().stream().map(MessagingModels::banSummary).toList())
                    .nextToken(page.nextToken()));
        });
    }

    // ---- messages ---------------------------------------------------------------------------------------

    @Override
    public SendChannelMessageResponse sendChannelMessage(SendChannelMessageRequest request) {
        return call("SendChannelMessage", () -> {
            MessageReceipt receipt = core.messages().send(request.chimeBearer(), request.channelArn(), request.content(),
                    request.typeAsString(), request.persistenceAsString(), request.metadata(),
                    idempotencyToken(request.clientRequestToken()));
            return answer(SendChannelMessageResponse.builder()
                    .channelArn(receipt.channelArn())
                    .messageId(receipt.messageId())
                    .status(MessagingModels.status(receipt.status())));
        });
    }

    @Override
    public GetChannelMessageResponse getChannelMessage(GetChannelMessageRequest request) {
        return call("GetChannelMessage", () -> {
            ChannelMessage message = core.messages().get(request.chimeBearer(), request.channelArn(), request.messageId());
            return answer(GetChannelMessageResponse.builder().channelMessage(MessagingModels.message(message)));
        });
    }

    @Override
    public ListChannelMessagesResponse listChannelMessages(ListChannelMessagesRequest request) {
        return call("ListChannelMessages", () -> {
            Page<ChannelMessage> page = core.messages().list(request.chimeBearer(), request.channelArn(),
                    request.sortOrderAsString(), request.notBefore(), request.notAfter(), request.maxResults(),
                    request.nextToken());
            return answer(ListChannelMessagesResponse.builder()
                    .channelArn(request.channelArn())
                    .channelMessages(page.items().stream().map(MessagingModels::messageSummary).toList())
                    .nextToken(page.nextToken()));
        });
    }

    @Override
    public UpdateChannelMessageResponse updateChannelMessage(UpdateChannelMessageRequest request) {
        return call("UpdateChannelMessage", () -> {
            MessageReceipt receipt = core.messages().update(request.chimeBearer(), request.channelArn(),
                    request.messageId(), request.content(), request.metadata());
            return answer(UpdateChannelMessageResponse.builder()
                    .channelArn(receipt.channelArn())
                    .messageId(receipt.messageId())
                    .status(MessagingModels.status(receipt.status())));
        });
    }

    @Override
    public DeleteChannelMessageResponse deleteChannelMessage(DeleteChannelMessageRequest request) {
        return call("DeleteChannelMessage", () -> {
            core.messages().delete(request.chimeBearer(), request.channelArn(), request.messageId());
            return answer(DeleteChannelMessageResponse.builder());
        });
    }

    @Override
    public RedactChannelMessageResponse redactChannelMessage(RedactChannelMessageRequest request) {
        return call("RedactChannelMessage", () -> {
            MessageReceipt receipt = core.messages().redact(request.chimeBearer(), request.channelArn(),
                    request.messageId());
            return answer(RedactChannelMessageResponse.builder()
                    .channelArn(receipt.channelArn())
                    .messageId(receipt.messageId()));
        });
    }

    @Override
    public GetChannelMessageStatusResponse getChannelMessageStatus(GetChannelMessageStatusRequest request) {
        return call("GetChannelMessageStatus", () -> answer(GetChannelMessageStatusResponse.builder()
                .status(MessagingModels.status(core.messages().status(request.chimeBearer(), request.channelArn(),
                        request.messageId())))));
    }

    // ---- tags and endpoint ------------------------------------------------------------------------------

    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        return call("TagResource", () -> {
            core.tags().tag(request.resourceARN(), MessagingModels.tags(request.hasTags(), request.tags()));
            return answer(TagResourceResponse.builder());
        });
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        return call("UntagResource", () -> {
            core.tags().untag(request.resourceARN(), request.hasTagKeys() ? request.tagKeys() : null);
            return answer(UntagResourceResponse.builder());
        });
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        return call("ListTagsForResource", () -> answer(ListTagsForResourceResponse.builder()
                .tags(core.tags().list(request.resourceARN()).stream().map(MessagingModels::tag).toList())));
    }

    /** ENDP-001: no parameters and no bearer; the newer NetworkType member is ignored. */
    @Override
    public GetMessagingSessionEndpointResponse getMessagingSessionEndpoint(GetMessagingSessionEndpointRequest request) {
        return call("GetMessagingSessionEndpoint", () -> answer(GetMessagingSessionEndpointResponse.builder()
                .endpoint(MessagingSessionEndpoint.builder().url(core.messagingSessionEndpoint()).build())));
    }

    // ---- channel flows ----------------------------------------------------------------------------------

    @Override
    public CreateChannelFlowResponse createChannelFlow(CreateChannelFlowRequest request) {
        // IDEM-005: CreateChannelFlow's ClientRequestToken is not an idempotencyToken; nothing is filled in.
        return call("CreateChannelFlow", () -> answer(CreateChannelFlowResponse.builder().channelFlowArn(
                core.channelFlows().create(request.appInstanceArn(),
                        MessagingModels.processors(request.hasProcessors(), request.processors()), request.name(),
                        MessagingModels.tags(request.hasTags(), request.tags()), request.clientRequestToken()))));
    }

    @Override
    public UpdateChannelFlowResponse updateChannelFlow(UpdateChannelFlowRequest request) {
        return call("UpdateChannelFlow", () -> answer(UpdateChannelFlowResponse.builder().channelFlowArn(
                core.channelFlows().update(request.channelFlowArn(),
                        MessagingModels.processors(request.hasProcessors(), request.processors()), request.name()))));
    }

    @Override
    public DeleteChannelFlowResponse deleteChannelFlow(DeleteChannelFlowRequest request) {
        return call("DeleteChannelFlow", () -> {
            core.channelFlows().delete(request.channelFlowArn());
            return answer(DeleteChannelFlowResponse.builder());
        });
    }

    @Override
    public DescribeChannelFlowResponse describeChannelFlow(DescribeChannelFlowRequest request) {
        return call("DescribeChannelFlow", () -> {
            ChannelFlow flow = core.channelFlows().describe(request.channelFlowArn());
            return answer(DescribeChannelFlowResponse.builder().channelFlow(MessagingModels.flow(flow)));
        });
    }

    @Override
    public ListChannelFlowsResponse listChannelFlows(ListChannelFlowsRequest request) {
        return call("ListChannelFlows", () -> {
            Page<ChannelFlow> page = core.channelFlows().list(request.appInstanceArn(), request.maxResults(),
                    request.nextToken());
            return answer(ListChannelFlowsResponse.builder()
                    .channelFlows(page.items().stream().map(MessagingModels::flowSummary).toList())
                    .nextToken(page.nextToken()));
        });
    }

    @Override
    public ListChannelsAssociatedWithChannelFlowResponse listChannelsAssociatedWithChannelFlow(
            ListChannelsAssociatedWithChannelFlowRequest request) {
        return call("ListChannelsAssociatedWithChannelFlow", () -> {
            Page<Channel> page = core.channelFlows().listChannelsAssociated(request.channelFlowArn(),
                    request.maxResults(), request.nextToken());
            return answer(ListChannelsAssociatedWithChannelFlowResponse.builder()
                    .channels(page.items().stream().map(MessagingModels::channelAssociatedWithFlow).toList())
                    .nextToken(page.nextToken()));
        });
    }

    /** HTTP-003: the only output-less operation that answers 200, not 204. */
    @Override
    public AssociateChannelFlowResponse associateChannelFlow(AssociateChannelFlowRequest request) {
        return call("AssociateChannelFlow", () -> {
            core.channelFlows().associate(request.chimeBearer(), request.channelArn(), request.channelFlowArn());
            return answer(AssociateChannelFlowResponse.builder());
        });
    }

    @Override
    public DisassociateChannelFlowResponse disassociateChannelFlow(DisassociateChannelFlowRequest request) {
        return call("DisassociateChannelFlow", () -> {
            core.channelFlows().disassociate(request.chimeBearer(), request.channelArn(), request.channelFlowArn());
            return answer(DisassociateChannelFlowResponse.builder());
        });
    }

    /**
     * FLOW-020 to FLOW-024. CallbackId is an idempotencyToken in the model, so the SDK fills a missing one
     * with a UUID; the service never issued that UUID and rejects it (FLOW-024).
     */
    @Override
    public ChannelFlowCallbackResponse channelFlowCallback(ChannelFlowCallbackRequest request) {
        return call("ChannelFlowCallback", () -> {
            var message = request.channelMessage();
            CallbackReceipt receipt = core.flowEngine().callback(idempotencyToken(request.callbackId()),
                    request.channelArn(), Boolean.TRUE.equals(request.deleteResource()),
                    message == null ? null : new MessageCallback(message.messageId(), message.content(), message.metadata()));
            return answer(ChannelFlowCallbackResponse.builder()
                    .channelArn(receipt.channelArn())
                    .callbackId(receipt.callbackId()));
        });
    }
}
