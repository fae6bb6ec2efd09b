package chime.conformance.reports.testglue;

import chime.conformance.reports.HarnessException;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.opentest4j.TestAbortedException;

import java.nio.charset.StandardCharsets;

/** Steps of the small feature files the report tests run through real Cucumber. */
public class DemoSteps {

    private Scenario scenario;

    @Before(order = 0)
    public void remember(Scenario scenario) {
        this.scenario = scenario;
    }

    @Before(value = "@requires:flow-processors", order = 1)
    public void requireFlowProcessors() {
        throw new TestAbortedException("NOT_APPLICABLE: the target does not declare capability flow-processors");
    }

    @Before(value = "@broken-hook", order = 1)
    public void brokenHook() {
        throw new IllegalStateException("could not create the AppInstance");
    }

    @Given("Alice has created the channel {string}")
    public void aliceCreated(String channel) {
    }

    @When("Carol lists the messages in {string}")
    public void carolLists(String channel) {
    }

    @Then("she sees {int} messages")
    public void sheSees(int count) {
        if (count != 1) {
            throw new AssertionError("expected " + count + " messages but saw 1");
        }
    }

    @Then("the request fails with {word}")
    public void requestFails(String error) {
        throw new AssertionError("expected " + error + " but the call succeeded");
    }

    @Given("the fixtures cannot be provisioned")
    public void fixturesBroken() {
        throw new HarnessException("provisioning the AppInstance failed", new java.io.IOException("connection refused"));
    }

    @When("Carol calls a target that refuses connections")
    public void targetRefuses() {
        // As the AWS SDK throws it: a client exception whose cause is the socket's.
        throw new IllegalStateException("Unable to execute HTTP request: Connection refused",
                new java.net.ConnectException("Connection refused"));
    }

    @When("Carol calls a target that never answers")
    public void targetSilent() {
        throw new IllegalStateException("Unable to execute HTTP request: Read timed out",
                new java.net.SocketTimeoutException("Read timed out"));
    }

    @Given("the step is pending")
    public void pending() {
        throw new io.cucumber.java.PendingException("not written yet");
    }

    @When("the target answers with:")
    public void targetAnswers(String body) {
        String wire = "[{\"method\":\"POST\",\"path\":\"/channels\",\"query\":null,\"status\":400,"
                + "\"requestHeaders\":{\"Authorization\":\"AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250101/us-east-1/chime/aws4_request, Signature=0123456789abcdef0123456789abcdef\","
                + "\"x-amz-chime-bearer\":\"arn:aws:chime:us-east-1:111122223333:app-instance/x/user/alice\",\"X-Amz-Security-Token\":\"FwoGZXIvYXdzEJr//////////wEaDOPSECRETTOKEN\",\"X-Amz-Date\":\"20250101T000000Z\",\"x-amz-chime-bearer-2\":\"arn:aws:chime:us-east-1:444455556666:app-instance/y/user/eve\"},"
                + "\"requestBody\":" + quote(body) + ",\"responseHeaders\":{\"Content-Type\":\"application/json\"},"
                + "\"responseBody\":" + quote(body) + "}]";
        scenario.attach(wire.getBytes(StandardCharsets.UTF_8), "application/vnd.chime-conformance.wire+json", "wire");
    }

    @Then("the message is {string}")
    public void messageIs(String expected) {
        throw new AssertionError("expected message " + expected + " but was " + expected + "!");
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
