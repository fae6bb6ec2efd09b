package chime.conformance.runner.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

/** The per-operation exception lists read from the SDK match the model's error matrix (model-constraints 2.1). */
class ModeledExceptionsTest {

    @Test
    void notFoundIsModeledOnlyWhereTheModelSaysSo() {
        assertThat(ErrorSteps.modeledExceptions("GetChannelMessage"), hasItem("NotFoundException"));
        assertThat(ErrorSteps.modeledExceptions("DescribeChannelBan"), hasItem("NotFoundException"));
        assertThat(ErrorSteps.modeledExceptions("DescribeChannel"), not(hasItem("NotFoundException")));
        assertThat(ErrorSteps.modeledExceptions("ListChannelMessages"), not(hasItem("NotFoundException")));
    }

    @Test
    void resourceLimitAndConflictFollowTheModel() {
        assertThat(ErrorSteps.modeledExceptions("TagResource"), hasItem("ResourceLimitExceededException"));
        assertThat(ErrorSteps.modeledExceptions("DeleteChannelFlow"), hasItem("ConflictException"));
        assertThat(ErrorSteps.modeledExceptions("ListChannels"), not(hasItem("ConflictException")));
        assertThat(ErrorSteps.modeledExceptions("SendChannelMessage"),
                hasItems("BadRequestException", "ForbiddenException", "ThrottledClientException"));
    }
}
