package chime.conformance.reference.sdk;

import chime.conformance.contract.Operation;
import chime.conformance.contract.Operations;

import chime.conformance.reference.core.model.BatchChannelMemberships;
import chime.conformance.reference.core.model.Channel;
import chime.conformance.reference.core.model.ChannelBan;
import chime.conformance.reference.core.model.ChannelFlow;
import chime.conformance.reference.core.model.ChannelMembership;
import chime.conformance.reference.core.model.ChannelMembershipForAppInstanceUser;
import chime.conformance.reference.core.model.ChannelMessage;
import chime.conformance.reference.core.model.ChannelModerator;
import chime.conformance.reference.core.model.Identity;
import chime.conformance.reference.core.model.MessageStatus;
import chime.conformance.reference.core.model.Processor;
import chime.conformance.reference.core.model.ProcessorSpec;
import chime.conformance.reference.core.model.Tag;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.AppInstanceUserMembershipSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.BatchCreateChannelMembershipError;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelAssociatedWithFlowSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelBanSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlowSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipForAppInstanceUserSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageStatusStructure;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessageSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelModeratedByAppInstanceUserSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelModeratorSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelSummary;
import software.amazon.awssdk.services.chimesdkmessaging.model.ErrorCode;
import software.amazon.awssdk.services.chimesdkmessaging.model.LambdaConfiguration;
import software.amazon.awssdk.services.chimesdkmessaging.model.ProcessorConfiguration;

import java.util.List;

/**
 * Conversions between the core's records and the SDK's messaging model. Only members the documentation
 * knows are emitted: newer ones (SubChannelId, MessageAttributes, ElasticChannelConfiguration, ...) stay
 * unset.
 */
final class MessagingModels {

    private MessagingModels() {
    }

    /**
     * The response, with the success status the model gives its operation (HTTP-001 to HTTP-004), read from
     * the one operation list ({@link Operations}) by the response's class.
     */
    @SuppressWarnings("unchecked")
    static <R extends SdkResponse> R answer(SdkResponse.Builder builder) {
        return (R) builder.sdkHttpResponse(SUCCESS.get(builder.getClass())).build();
    }

    /** The success status of each response builder's operation, looked up once per builder class. */
    private static final ClassValue<SdkHttpResponse> SUCCESS = new ClassValue<>() {
        @Override
        protected SdkHttpResponse computeValue(Class<?> builderClass) {
            int status = Operations.successStatus(Operation.nameOf(builderClass.getEnclosingClass()));
            return SdkHttpResponse.builder().statusCode(status).build();
        }
    };

    static software.amazon.awssdk.services.chimesdkmessaging.model.Identity identity(Identity identity) {
        return identity == null ? null : software.amazon.awssdk.services.chimesdkmessaging.model.Identity.builder()
                .arn(identity.arn()).name(identity.name()).build();
    }

    static software.amazon.awssdk.services.chimesdkmessaging.model.Channel channel(Channel channel) {
        return software.amazon.awssdk.services.chimesdkmessaging.model.Channel.builder()
                .name(channel.name())
                .channelArn(channel.channelArn())
                .mode(channel.mode().name())
                .privacy(channel.privacy().name())
                .metadata(channel.metadata())
                .createdBy(identity(channel.createdBy()))
                .createdTimestamp(channel.createdTimestamp())
                .lastMessageTimestamp(channel.lastMessageTimestamp())
                .lastUpdatedTimestamp(channel.lastUpdatedTimestamp())
                .channelFlowArn(channel.channelFlowArn())
                .build();
    }

    static ChannelSummary channelSummary(Channel channel) {
        return ChannelSummary.builder()
                .name(channel.name())
                .channelArn(channel.channelArn())
                .mode(channel.mode().name())
                .privacy(channel.privacy().name())
                .metadata(channel.metadata())
                .lastMessageTimestamp(channel.lastMessageTimestamp())
                .build();
    }

    /** FLOW-016: the associated-channel summary has no LastMessageTimestamp. */
    static ChannelAssociatedWithFlowSummary channelAssociatedWithFlow(Channel channel) {
        return ChannelAssociatedWithFlowSummary.builder()
                .name(channel.name())
                .channelArn(channel.channelArn())
                .mode(channel.mode().name())
                .privacy(channel.privacy().name())
                .metadata(channel.metadata())
                .build();
    }

    static ChannelModeratedByAppInstanceUserSummary moderatedChannel(Channel channel) {
        return ChannelModeratedByAppInstanceUserSummary.builder().channelSummary(channelSummary(channel)).build();
    }

    static ChannelMembershipForAppInstanceUserSummary membershipForAppInstanceUser(
            ChannelMembershipForAppInstanceUser view) {
        return ChannelMembershipForAppInstanceUserSummary.builder()
                .channelSummary(channelSummary(view.channel()))
                .appInstanceUserMembershipSummary(AppInstanceUserMembershipSummary.builder()
                        .type(view.membership().type().name())
                        .readMarkerTimestamp(view.membership().readMarkerTimestamp())
                        .build())
                .build();
    }

    static software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembership membership(ChannelMembership membership) {
        return software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembership.builder()
                .invitedBy(identity(membership.invitedBy()))
                .type(membership.type().name())
                .member(identity(membership.member()))
                .channelArn(membership.channelArn())
                .createdTimestamp(membership.createdTimestamp())
                .lastUpdatedTimestamp(membership.lastUpdatedTimestamp())
                .build();
    }

    static ChannelMembershipSummary membershipSummary(ChannelMembership membership) {
        return ChannelMembershipSummary.builder().member(identity(membership.member())).build();
    }

    static software.amazon.awssdk.services.chimesdkmessaging.model.BatchChannelMemberships batch(
            BatchChannelMemberships batch) {
        return software.amazon.awssdk.services.chimesdkmessaging.model.BatchChannelMemberships.builder()
                .invitedBy(identity(batch.invitedBy()))
                .type(batch.type().name())
                .members(batch.members().stream().map(MessagingModels::identity).toList())
                .channelArn(batch.channelArn())
                .build();
    }

    static List<BatchCreateChannelMembershipError> batchErrors(BatchChannelMemberships batch) {
        return batch.errors().stream()
                .map(error -> BatchCreateChannelMembershipError.builder()
                        .memberArn(error.memberArn())
                        .errorCode(ErrorCode.fromValue(SdkErrors.modeled(error.error()).code()))
                        .errorMessage(error.message())
                        .build())
                .toList();
    }

    static software.amazon.awssdk.services.chimesdkmessaging.model.ChannelModerator moderator(ChannelModerator moderator) {
        return software.amazon.awssdk.services.chimesdkmessaging.model.ChannelModerator.builder()
                .moderator(identity(moderator.moderator()))
                .channelArn(moderator.channelArn())
                .createdTimestamp(moderator.createdTimestamp())
                .createdBy(identity(moderator.createdBy()))
                .build();
    }

    static ChannelModeratorSummary moderatorSummary(ChannelModerator moderator) {
        return ChannelModeratorSummary.builder().moderator(identity(moderator.moderator())).build();
    }

    static software.amazon.awssdk.services.chimesdkmessaging.model.ChannelBan ban(ChannelBan ban) {
        return software.amazon.awssdk.services.chimesdkmessaging.model.ChannelBan.builder()
                .member(identity(ban.member()))
                .channelArn(ban.channelArn())
                .createdTimestamp(ban.createdTimestamp())
                .createdBy(identity(ban.createdBy()))
                .build();
    }

    static ChannelBanSummary banSummary(ChannelBan ban) {
        return ChannelBanSummary.builder().member(identity(ban.member())).build();
    }

    static ChannelMessageStatusStructure status(MessageStatus status) {
        return status == null ? null : ChannelMessageStatusStructure.builder()
                .value(status.value().name())
                .detail(status.detail())
                .build();
    }

    static software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessage message(ChannelMessage message) {
        return software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessage.builder()
                .channelArn(message.channelArn())
                .messageId(message.messageId())
                .content(message.content())
                .metadata(message.metadata())
                .type(message.type().name())
                .createdTimestamp(message.createdTimestamp())
                .lastEditedTimestamp(message.lastEditedTimestamp())
                .lastUpdatedTimestamp(message.lastUpdatedTimestamp())
                .sender(identity(message.sender()))
                .redacted(message.redacted())
                .persistence(message.persistence().name())
                .status(status(message.status()))
                .build();
    }

    /** MSG-025: a list entry has no Persistence member. */
    static ChannelMessageSummary messageSummary(ChannelMessage message) {
        return ChannelMessageSummary.builder()
                .messageId(message.messageId())
                .content(message.content())
                .metadata(message.metadata())
                .type(message.type().name())
                .createdTimestamp(message.createdTimestamp())
                .lastUpdatedTimestamp(message.lastUpdatedTimestamp())
                .lastEditedTimestamp(message.lastEditedTimestamp())
                .sender(identity(message.sender()))
                .redacted(message.redacted())
                .status(status(message.status()))
                .build();
    }

    static software.amazon.awssdk.services.chimesdkmessaging.model.Processor processor(Processor processor) {
        return software.amazon.awssdk.services.chimesdkmessaging.model.Processor.builder()
                .name(processor.name())
                .configuration(ProcessorConfiguration.builder()
                        .lambda(LambdaConfiguration.builder()
                                .resourceArn(processor.lambdaResourceArn())
                                .invocationType(processor.invocationType().name())
                                .build())
                        .build())
                .executionOrder(processor.executionOrder())
                .fallbackAction(processor.fallbackAction().name())
                .build();
    }

    static software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlow flow(ChannelFlow flow) {
        return software.amazon.awssdk.services.chimesdkmessaging.model.ChannelFlow.builder()
                .channelFlowArn(flow.channelFlowArn())
                .processors(flow.processors().stream().map(MessagingModels::processor).toList())
                .name(flow.name())
                .createdTimestamp(flow.createdTimestamp())
                .lastUpdatedTimestamp(flow.lastUpdatedTimestamp())
                .build();
    }

    static ChannelFlowSummary flowSummary(ChannelFlow flow) {
        return ChannelFlowSummary.builder()
                .channelFlowArn(flow.channelFlowArn())
                .name(flow.name())
                .processors(flow.processors().stream().map(MessagingModels::processor).toList())
                .build();
    }

    // ---- inputs -----------------------------------------------------------------------------------------

    /** A list member the request did not carry is null, so that "absent" and "empty" stay different. */
    static List<Tag> tags(boolean present, List<software.amazon.awssdk.services.chimesdkmessaging.model.Tag> tags) {
        return present ? tags.stream().map(tag -> tag == null ? null : new Tag(tag.key(), tag.value())).toList() : null;
    }

    static software.amazon.awssdk.services.chimesdkmessaging.model.Tag tag(Tag tag) {
        return software.amazon.awssdk.services.chimesdkmessaging.model.Tag.builder().key(tag.key()).value(tag.value()).build();
    }

    static List<ProcessorSpec> processors(boolean present,
                                          List<software.amazon.awssdk.services.chimesdkmessaging.model.Processor> processors) {
        if (!present) {
            return null;
        }
        return processors.stream().map(processor -> processor == null ? null : new ProcessorSpec(
                processor.name(),
                processor.configuration() == null ? null : new ProcessorSpec.Configuration(
                        processor.configuration().lambda() == null ? null : new ProcessorSpec.Lambda(
                                processor.configuration().lambda().resourceArn(),
                                processor.configuration().lambda().invocationTypeAsString())),
                processor.executionOrder(),
                processor.fallbackActionAsString())).toList();
    }
}
