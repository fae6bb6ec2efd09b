package chime.conformance.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chime.conformance.reference.core.quota.ServiceQuotas;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkmessaging.model.BatchCreateChannelMembershipResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMembershipType;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelPrivacy;
import software.amazon.awssdk.services.chimesdkmessaging.model.ErrorCode;
import software.amazon.awssdk.services.chimesdkmessaging.model.InvocationType;
import software.amazon.awssdk.services.chimesdkmessaging.model.LambdaConfiguration;
import software.amazon.awssdk.services.chimesdkmessaging.model.Processor;
import software.amazon.awssdk.services.chimesdkmessaging.model.ProcessorConfiguration;
import software.amazon.awssdk.services.chimesdkmessaging.model.ResourceLimitExceededException;

/**
 * State is bounded by the service's own quotas (the Developer Guide's messaging quota table), each answered
 * with ResourceLimitExceededException as AWS would; a freed place can be taken again. Small quotas keep the
 * tests fast; one test fills a channel to the documented 10,000 memberships.
 */
class QuotaTest {

    /** The Fixture's cast: one AppInstance, five users, one admin (Ada). */
    private static Fixture fixture(ServiceQuotas quotas) {
        return new Fixture(ReferenceService.builder().quotas(quotas).build());
    }

    @Test
    void theDefaultsAreTheDocumentedQuotas() {
        assertThat(ServiceQuotas.aws(), equalTo(new ServiceQuotas(100, 100_000, 100, 10_000_000, 10_000, 1_000, 100)));
    }

    @Test
    void appInstancesPerAccount() {
        try (Fixture f = fixture(new ServiceQuotas(3, 100, 10, 10, 10, 10, 10))) {
            String second = f.appInstance("second");
            f.appInstance("third");
            assertThrows(software.amazon.awssdk.services.chimesdkidentity.model.ResourceLimitExceededException.class,
                    () -> f.appInstance("fourth"));
            f.identity.deleteAppInstance(r -> r.appInstanceArn(second));
            f.appInstance("fourth");
        }
    }

    @Test
    void usersAndAdminsPerAppInstance() {
        try (Fixture f = fixture(new ServiceQuotas(10, 6, 2, 10, 10, 10, 10))) {
            String dave = f.user(f.appInstanceArn, "dave", "Dave");
            int records = f.service.idempotencyRecords();
            assertThrows(software.amazon.awssdk.services.chimesdkidentity.model.ResourceLimitExceededException.class,
                    () -> f.user(f.appInstanceArn, "erin", "Erin"));
            assertThat("a refused creation leaves no idempotency record", f.service.idempotencyRecords(), is(records));
            f.identity.deleteAppInstanceUser(r -> r.appInstanceUserArn(dave));
            f.user(f.appInstanceArn, "erin", "Erin");

            f.identity.createAppInstanceAdmin(r -> r.appInstanceArn(f.appInstanceArn).appInstanceAdminArn(f.bob));
            assertThrows(software.amazon.awssdk.services.chimesdkidentity.model.ResourceLimitExceededException.class,
                    () -> f.identity.createAppInstanceAdmin(r -> r.appInstanceArn(f.appInstanceArn)
                            .appInstanceAdminArn(f.carol)));
            // Promoting an admin again is not a new admin.
            f.identity.createAppInstanceAdmin(r -> r.appInstanceArn(f.appInstanceArn).appInstanceAdminArn(f.bob));
        }
    }

    @Test
    void channelsPerAppInstance() {
        try (Fixture f = fixture(new ServiceQuotas(10, 100, 10, 2, 10, 10, 10))) {
            String first = f.channel(f.alice, "one", ChannelMode.UNRESTRICTED, ChannelPrivacy.PUBLIC);
            f.channel(f.alice, "two", ChannelMode.UNRESTRICTED, ChannelPrivacy.PRIVATE);
            assertThrows(ResourceLimitExceededException.class,
                    () -> f.channel(f.bob, "three", ChannelMode.UNRESTRICTED, ChannelPrivacy.PUBLIC));
            f.messaging.deleteChannel(r -> r.chimeBearer(f.ada).channelArn(first));
            f.channel(f.bob, "three", ChannelMode.UNRESTRICTED, ChannelPrivacy.PUBLIC);
        }
    }

    @Test
    void membershipsPerChannel() {
        try (Fixture f = fixture(new ServiceQuotas(10, 100, 10, 10, 4, 10, 10))) {
            // Alice, the creator, takes the first place (CHAN-026).
            String channel = f.channel(f.alice, "c", ChannelMode.UNRESTRICTED, ChannelPrivacy.PUBLIC);
            f.member(channel, f.bob);
            // Batch: room for two of three; the third is reported with the batch's own error code.
            BatchCreateChannelMembershipResponse batch = f.messaging.batchCreateChannelMembership(r -> r
                    .chimeBearer(f.ada).channelArn(channel).memberArns(f.carol, f.mallory, f.ada)
                    .type(ChannelMembershipType.DEFAULT));
            assertThat(batch.batchChannelMemberships().members(), hasSize(2));
            assertThat(batch.errors(), hasSize(1));
            assertThat(batch.errors().get(0).memberArn(), equalTo(f.ada));
            assertThat(batch.errors().get(0).errorCode(), is(ErrorCode.RESOURCE_LIMIT_EXCEEDED));

            assertThrows(ResourceLimitExceededException.class, () -> f.member(channel, f.ada));
            f.member(channel, f.bob); // already a member: not a new membership
            f.messaging.deleteChannelMembership(r -> r.chimeBearer(f.bob).channelArn(channel).memberArn(f.bob));
            f.member(channel, f.ada);
            // A ban removes the membership, and frees its place.
            f.messaging.createChannelBan(r -> r.chimeBearer(f.ada).channelArn(channel).memberArn(f.mallory));
            f.member(channel, f.bob);
        }
    }

    @Test
    void moderatorsPerChannel() {
        try (Fixture f = fixture(new ServiceQuotas(10, 100, 10, 10, 10, 3, 10))) {
            // Alice, the creator, is the first moderator (CHAN-026).
            String channel = f.channel(f.alice, "c", ChannelMode.UNRESTRICTED, ChannelPrivacy.PUBLIC);
            f.moderator(channel, f.bob);
            f.moderator(channel, f.carol);
            assertThrows(ResourceLimitExceededException.class, () -> f.moderator(channel, f.mallory));
            f.moderator(channel, f.bob); // already a moderator
        }
    }

    @Test
    void channelFlowsPerAppInstance() {
        try (Fixture f = fixture(new ServiceQuotas(10, 100, 10, 10, 10, 10, 1))) {
            Processor processor = Processor.builder().name("p").executionOrder(1).fallbackAction("CONTINUE")
                    .configuration(ProcessorConfiguration.builder().lambda(LambdaConfiguration.builder()
                            .resourceArn("arn:aws:lambda:us-east-1:111122223333:function:chime-conformance-pass-through")
                            .invocationType(InvocationType.ASYNC).build()).build())
                    .build();
            String flow = f.messaging.createChannelFlow(r -> r.appInstanceArn(f.appInstanceArn).name("one")
                    .processors(processor).clientRequestToken("flow-1")).channelFlowArn();
            assertThrows(ResourceLimitExceededException.class, () -> f.messaging.createChannelFlow(r -> r
                    .appInstanceArn(f.appInstanceArn).name("two").processors(processor).clientRequestToken("flow-2")));
            f.messaging.deleteChannelFlow(r -> r.channelFlowArn(flow));
            f.messaging.createChannelFlow(r -> r.appInstanceArn(f.appInstanceArn).name("two").processors(processor)
                    .clientRequestToken("flow-2"));
        }
    }

    /** The documented figure itself: a channel takes 10,000 members, and refuses the 10,001st. */
    @Test
    void aChannelHoldsTenThousandMemberships() {
        try (Fixture f = new Fixture()) {
            String channel = f.channel(f.alice, "town-hall", ChannelMode.UNRESTRICTED, ChannelPrivacy.PUBLIC);
            // Alice, the creator, is the first member (CHAN-026): 9,999 more fill the channel.
            List<String> batch = new ArrayList<>();
            for (int i = 0; i < 9_999; i++) {
                batch.add(f.user(f.appInstanceArn, "u" + i, "User " + i));
                if (batch.size() == 100 || i == 9_998) {
                    List<String> members = List.copyOf(batch);
                    var response = f.messaging.batchCreateChannelMembership(r -> r.chimeBearer(f.ada)
                            .channelArn(channel).memberArns(members));
                    assertThat(response.errors(), hasSize(0));
                    batch.clear();
                }
            }
            assertThrows(ResourceLimitExceededException.class, () -> f.member(channel, f.bob));
        }
    }
}
