package chime.conformance.reference.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chime.conformance.reference.ReferenceService;
import chime.conformance.reference.core.snapshot.ServiceSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.chimesdkmessaging.ChimeSdkMessagingClient;
import software.amazon.awssdk.services.chimesdkmessaging.model.ChannelMessagePersistenceType;

/** The state file: a snapshot written and read back is the same snapshot; what is not a state file is refused. */
class StateFileTest {

    @TempDir
    Path dir;

    @Test
    void aSnapshotWrittenAndReadBackIsTheSame() throws Exception {
        ServiceSnapshot snapshot;
        try (ReferenceService service = ReferenceService.create()) {
            var identity = service.identityClient();
            String app = identity.createAppInstance(r -> r.name("club").metadata("é ü \u2603")).appInstanceArn();
            String alice = identity.createAppInstanceUser(r -> r.appInstanceArn(app).appInstanceUserId("alice")
                    .name("Alice")).appInstanceUserArn();
            ChimeSdkMessagingClient messaging = service.messagingClient();
            String channel = messaging.createChannel(r -> r.chimeBearer(alice).appInstanceArn(app).name("general"))
                    .channelArn();
            String id = messaging.sendChannelMessage(r -> r.chimeBearer(alice).channelArn(channel).content("one")
                    .type("STANDARD").persistence(ChannelMessagePersistenceType.PERSISTENT)).messageId();
            messaging.redactChannelMessage(r -> r.chimeBearer(alice).channelArn(channel).messageId(id));
            messaging.sendChannelMessage(r -> r.chimeBearer(alice).channelArn(channel).content("typing")
                    .type("CONTROL").persistence(ChannelMessagePersistenceType.NON_PERSISTENT));
            snapshot = service.exportState();
        }
        Path file = dir.resolve("state.json");
        StateFile.write(file, snapshot);
        assertEquals(snapshot, StateFile.read(file).orElseThrow());
        assertTrue(Files.readString(file).startsWith("{\n  \"format\" : \"" + StateFile.FORMAT + "\""));
    }

    @Test
    void noFileIsAnEmptyStateAndADirectoryIsAnError() throws Exception {
        assertTrue(StateFile.read(dir.resolve("none.json")).isEmpty());
        StateFile.Invalid invalid = assertThrows(StateFile.Invalid.class, () -> StateFile.read(dir));
        assertThat(invalid.getMessage(), containsString("state file " + dir + " is a directory"));
    }

    @Test
    void aWrongTimestampIsNamedWithWhereItIs() throws Exception {
        Path file = dir.resolve("state.json");
        try (ReferenceService service = ReferenceService.create()) {
            service.identityClient().createAppInstance(r -> r.name("club"));
            StateFile.write(file, service.exportState());
        }
        Files.writeString(file, Files.readString(file).replaceFirst("\"createdTimestamp\" : \"[^\"]+\"",
                "\"createdTimestamp\" : \"yesterday\""));
        StateFile.Invalid invalid = assertThrows(StateFile.Invalid.class, () -> StateFile.read(file));
        assertThat(invalid.getMessage(), containsString("appInstances[0].appInstance.createdTimestamp"));
    }
}
