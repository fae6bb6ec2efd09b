package chime.conformance.contract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationsTest {

    @Test
    void theDocumentedApiHas43OperationsInAlphabeticalOrder() {
        List<String> documented = Operations.documented();
        assertThat(documented.size(), is(43));
        List<String> sorted = new ArrayList<>(documented);
        sorted.sort(null);
        assertThat(documented, equalTo(sorted));
    }

    @Test
    void methodAndUriComeFromTheSdksBinding() {
        Operation create = Operations.named("CreateChannel").orElseThrow();
        assertThat(create.method(), is("POST"));
        assertThat(create.requestUri(), is("/channels"));
        assertThat(create.successStatus(), is(201));
        Operation batch = Operations.named("BatchCreateChannelMembership").orElseThrow();
        assertThat(batch.requestUri(), is("/channels/{channelArn}/memberships?operation=batch-create"));
        Operation admin = Operations.named("DescribeAppInstanceAdmin").orElseThrow();
        assertThat(admin.service(), is(Service.IDENTITY));
        assertThat(admin.method(), is("GET"));
        assertThat(Operations.isDocumented("DescribeAppInstanceAdmin"), is(false));
        assertThat(Operations.named("SearchChannels").isPresent(), is(false));
    }

    @Test
    void onlyWhatCreatesAnswers201() {
        for (Operation op : Operations.all()) {
            if (op.successStatus() == 201) {
                assertThat(op.name(), op.method().equals("POST") && op.name().matches("(Create|Send).*"), is(true));
            }
        }
    }

    @Test
    void theOperationOfARequestClassIsItsName() {
        for (Operation op : Operations.all()) {
            assertThat(Operation.nameOf(op.requestClass()), is(op.name()));
        }
    }
}
