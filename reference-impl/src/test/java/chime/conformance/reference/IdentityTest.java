package chime.conformance.reference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.chimesdkidentity.model.AppInstanceUser;
import software.amazon.awssdk.services.chimesdkidentity.model.AppInstanceUserSummary;
import software.amazon.awssdk.services.chimesdkidentity.model.BadRequestException;
import software.amazon.awssdk.services.chimesdkidentity.model.ConflictException;
import software.amazon.awssdk.services.chimesdkidentity.model.NotFoundException;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMode;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelPrivacy;
import software.amazon.awssdk.services.chimesdkmessaging.model.ForbiddenException;
import software.amazon.awssdk.services.chimesdkmessaging.model.UnauthorizedClientException;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdentityTest {

    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void appInstanceArnsLookLikeTheRealOnes() {
        assertThat(f.appInstanceArn, matchesPattern("arn:aws:chime:us-east-1:111122223333:app-instance/[-0-9a-f]{36}"));
        assertThat(f.alice, equalTo(f.appInstanceArn + "/user/alice"));
        assertThat(f.identity.describeAppInstance(r -> r.appInstanceArn(f.appInstanceArn)).appInstance().name(),
                equalTo("conformance"));
    }

    @Test
    void describeAppInstanceUserReturnsItsName() {
        AppInstanceUser user = f.identity.describeAppInstanceUser(r -> r.appInstanceUserArn(f.bob)).appInstanceUser();
        assertThat(user.name(), equalTo("Bob"));
        assertThat(user.appInstanceUserArn(), equalTo(f.bob));
    }

    @Test
    void aSecondUserWithTheSameIdIsAConflict() {
        assertThrows(ConflictException.class, () -> f.user(f.appInstanceArn, "bob", "Another Bob"));
    }

    @Test
    void userIdsOutsideTheModelPatternAreRejected() {
        assertThrows(BadRequestException.class, () -> f.user(f.appInstanceArn, "-starts-with-dash", "X"));
        assertThrows(BadRequestException.class, () -> f.user(f.appInstanceArn, "x".repeat(65), "X"));
        assertThrows(BadRequestException.class, () -> f.user(f.appInstanceArn, "blank-name", "   "));
    }

    @Test
    void usersOfAnUnknownAppInstanceAreNotFound() {
        assertThrows(NotFoundException.class,
                () -> f.user("arn:aws:chime:us-east-1:111122223333:app-instance/unknown", "zed", "Zed"));
    }

    @Test
    void listAppInstanceUsersPagesThroughEveryUser() {
        var first = f.identity.listAppInstanceUsers(r -> r.appInstanceArn(f.appInstanceArn).maxResults(3));
        var second = f.identity.listAppInstanceUsers(r -> r.appInstanceArn(f.appInstanceArn).maxResults(3)
                .nextToken(first.nextToken()));
        var all = new java.util.ArrayList<String>();
        first.appInstanceUsers().stream().map(AppInstanceUserSummary::appInstanceUserArn).forEach(all::add);
        second.appInstanceUsers().stream().map(AppInstanceUserSummary::appInstanceUserArn).forEach(all::add);
        assertThat(all, containsInAnyOrder(f.alice, f.bob, f.carol, f.mallory, f.ada));
        assertThat(second.nextToken(), equalTo(null));
    }

    @Test
    void adminsCanBeDescribedListedAndDemoted() {
        var admin = f.identity.describeAppInstanceAdmin(r -> r.appInstanceArn(f.appInstanceArn).appInstanceAdminArn(f.ada))
                .appInstanceAdmin();
        assertThat(admin.admin().name(), equalTo("Ada"));
        assertThat(f.identity.listAppInstanceAdmins(r -> r.appInstanceArn(f.appInstanceArn)).appInstanceAdmins().size(),
                equalTo(1));
        f.identity.deleteAppInstanceAdmin(r -> r.appInstanceArn(f.appInstanceArn).appInstanceAdminArn(f.ada));
        assertThrows(NotFoundException.class, () -> f.identity.describeAppInstanceAdmin(
                r -> r.appInstanceArn(f.appInstanceArn).appInstanceAdminArn(f.ada)));
        // The demoted user still exists.
        assertThat(f.identity.describeAppInstanceUser(r -> r.appInstanceUserArn(f.ada)).appInstanceUser().name(),
                equalTo("Ada"));
    }

    @Test
    void aDeletedUserIsNoLongerAValidBearer() {
        f.identity.deleteAppInstanceUser(r -> r.appInstanceUserArn(f.carol));
        assertThrows(NotFoundException.class, () -> f.identity.describeAppInstanceUser(r -> r.appInstanceUserArn(f.carol)));
        // AUTH-002: as the real service was reported answering, 401 UnauthorizedClientException
        assertThrows(UnauthorizedClientException.class,
                () -> f.channel(f.carol, "x", ChannelMode.UNRESTRICTED, ChannelPrivacy.PUBLIC));
    }

    @Test
    void deletingAnAppInstanceRemovesItsChannelsAndUsers() {
        String channel = f.bookClub();
        f.identity.deleteAppInstance(r -> r.appInstanceArn(f.appInstanceArn));
        assertThrows(NotFoundException.class, () -> f.identity.describeAppInstance(r -> r.appInstanceArn(f.appInstanceArn)));
        assertThrows(NotFoundException.class, () -> f.identity.describeAppInstanceUser(r -> r.appInstanceUserArn(f.alice)));
        assertThat(channel.startsWith(f.appInstanceArn), equalTo(true));
    }
}
