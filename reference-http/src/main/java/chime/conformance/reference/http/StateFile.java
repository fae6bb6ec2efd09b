package chime.conformance.reference.http;

import chime.conformance.reference.core.model.ChannelMessage;
import chime.conformance.reference.core.model.ChannelMessagePersistenceType;
import chime.conformance.reference.core.model.ChannelMessageType;
import chime.conformance.reference.core.model.Identity;
import chime.conformance.reference.core.model.MessageStatus;
import chime.conformance.reference.core.snapshot.ServiceSnapshot;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The state file of {@code serve --state FILE}: a {@link ServiceSnapshot} as JSON, human-readable and
 * versioned ({@value #FORMAT}). Timestamps are ISO-8601 instants with milliseconds, as the service keeps them.
 *
 * <p>Reading never changes the file; a file that is not a state file of this version (not JSON, cut short, of
 * another format or version, with parts missing or not fitting together) is a {@link Invalid} that names the
 * file and says what is wrong. Writing goes to a temporary file in the same directory, moved over the file
 * at once, so the file is always either the old state or the new one, whole.
 */
public final class StateFile {

    /** The format and version this server reads and writes. */
    public static final String FORMAT = "chime-conformance/state/v1";
    /** The member that names the format: the first in the file. */
    public static final String FORMAT_MEMBER = "format";

    private static final ObjectMapper JSON = mapper();

    private StateFile() {
    }

    /** A state file that cannot be loaded: the message names the file and what is wrong with it. */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(Path file, String problem) {
            super("state file " + file + " " + problem);
        }
    }

    /**
     * The snapshot in {@code file}, or empty if there is no such file (a new state). The file is only read.
     *
     * @throws Invalid     if the file is not a readable state file of this version
     */
    public static Optional<ServiceSnapshot> read(Path file) {
        if (Files.isDirectory(file)) {
            throw new Invalid(file, "is a directory; --state names a file");
        }
        long limit = Runtime.getRuntime().maxMemory() / 4;
        try {
            if (Files.size(file) > limit) {
                throw new Invalid(file, "is " + (Files.size(file) >> 20) + " MiB, more than a quarter of this JVM's"
                        + " heap (" + (Runtime.getRuntime().maxMemory() >> 20) + " MiB) can load: give it more"
                        + " (-Xmx)");
            }
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (IOException e) {
            throw new Invalid(file, "cannot be read: " + e.getMessage());
        }
        JsonNode tree;
        try (InputStream in = Files.newInputStream(file)) {
            tree = JSON.readTree(in);
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (AccessDeniedException denied) {
            throw new Invalid(file, "cannot be read: permission denied");
        } catch (JsonProcessingException e) {
            throw new Invalid(file, "is not valid JSON (corrupt or cut short): " + e.getOriginalMessage()
                    + location(e));
        } catch (IOException e) {
            throw new Invalid(file, "cannot be read: " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw new Invalid(file, "is empty; expected a JSON object with \"" + FORMAT_MEMBER + "\": \"" + FORMAT
                    + "\" (delete the file to start with an empty state)");
        }
        if (!tree.isObject() || !tree.hasNonNull(FORMAT_MEMBER)) {
            throw new Invalid(file, "is not a chime-conformance state file: it has no \"" + FORMAT_MEMBER
                    + "\" member (expected \"" + FORMAT + "\")");
        }
        String format = tree.get(FORMAT_MEMBER).asText();
        if (!FORMAT.equals(format)) {
            throw new Invalid(file, format.startsWith("chime-conformance/state/")
                    ? "has format version " + format + ", which this version of chime-conformance does not read"
                            + " (it reads " + FORMAT + ")"
                    : "is not a chime-conformance state file: its format is \"" + format + "\" (expected \""
                            + FORMAT + "\")");
        }
        ObjectNode body = ((ObjectNode) tree).deepCopy();
        body.remove(FORMAT_MEMBER);
        try {
            ServiceSnapshot snapshot = JSON.treeToValue(body, ServiceSnapshot.class);
            if (snapshot == null) {
                throw new Invalid(file, "holds no state");
            }
            return Optional.of(snapshot);
        } catch (JsonProcessingException e) {
            String at = path(e);
            if (e.getOriginalMessage().startsWith("Missing creator property") && !at.isEmpty()) {
                throw new Invalid(file, "does not hold a valid state: " + at.substring(4) + " is missing");
            }
            String cause = rootMessage(e);
            throw new Invalid(file, "does not hold a valid state: " + e.getOriginalMessage()
                    + (cause == null ? "" : " (" + cause + ")") + at);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Invalid(file, "does not hold a valid state: " + e.getMessage());
        }
    }

    /**
     * Checks, before a server starts, that {@code file} can be saved later: its directory is a directory (or can
     * be made one) that this process may write, so that a session's state is not lost at the stop.
     *
     * @throws Invalid if it cannot
     */
    public static void requireSavable(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        for (Path dir = parent; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir)) {
                if (!Files.isDirectory(dir)) {
                    throw new Invalid(file, "cannot be saved: " + dir + " is not a directory");
                }
                if (!Files.isWritable(dir)) {
                    throw new Invalid(file, "cannot be saved: the directory " + dir + " is not writable");
                }
                return;
            }
        }
    }

    /**
     * Writes {@code snapshot} to {@code file}: to a temporary file beside it, then moved over it in one step.
     */
    public static void write(Path file, ServiceSnapshot snapshot) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ObjectNode tree = JSON.createObjectNode();
        tree.put(FORMAT_MEMBER, FORMAT);
        tree.setAll((ObjectNode) JSON.valueToTree(snapshot));
        Path temporary = Files.createTempFile(parent, "." + absolute.getFileName() + ".", ".tmp");
        try {
            JSON.writeValue(temporary.toFile(), tree);
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String path(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder at = new StringBuilder(" at ");
            for (var ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    at.append(at.length() > 4 ? "." : "").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    at.append('[').append(ref.getIndex()).append(']');
                }
            }
            return at.toString();
        }
        return "";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? null : root.getMessage();
    }

    private static ObjectMapper mapper() {
        SimpleModule instants = new SimpleModule("instants");
        instants.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toString());
            }
        });
        instants.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException | NullPointerException e) {
                    return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                            "not an ISO-8601 instant such as 2026-03-01T10:00:00.123Z");
                }
            }
        });
        ObjectMapper mapper = new ObjectMapper().registerModule(instants)
                .addMixIn(ChannelMessage.class, ChannelMessageJson.class)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(64 * 1024 * 1024).build());
        return mapper;
    }

    /**
     * ChannelMessage is a compact class with a record's accessors rather than a record (it is stored once per
     * message): its members in the file are those of the record it was, in the same order.
     */
    @JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE, fieldVisibility = JsonAutoDetect.Visibility.NONE)
    @JsonPropertyOrder({"channelArn", "messageId", "content", "metadata", "type", "persistence", "sender",
            "createdTimestamp", "lastEditedTimestamp", "lastUpdatedTimestamp", "redacted", "status"})
    private abstract static class ChannelMessageJson {
        @JsonCreator
        ChannelMessageJson(@JsonProperty("channelArn") String channelArn, @JsonProperty("messageId") String messageId,
                           @JsonProperty("content") String content, @JsonProperty("metadata") String metadata,
                           @JsonProperty("type") ChannelMessageType type,
                           @JsonProperty("persistence") ChannelMessagePersistenceType persistence,
                           @JsonProperty("sender") Identity sender,
                           @JsonProperty("createdTimestamp") Instant createdTimestamp,
                           @JsonProperty("lastEditedTimestamp") Instant lastEditedTimestamp,
                           @JsonProperty("lastUpdatedTimestamp") Instant lastUpdatedTimestamp,
                           @JsonProperty("redacted") boolean redacted, @JsonProperty("status") MessageStatus status) {
        }

        @JsonProperty("channelArn") abstract String channelArn();

        @JsonProperty("messageId") abstract String messageId();

        @JsonProperty("content") abstract String content();

        @JsonProperty("metadata") abstract String metadata();

        @JsonProperty("type") abstract ChannelMessageType type();

        @JsonProperty("persistence") abstract ChannelMessagePersistenceType persistence();

        @JsonProperty("sender") abstract Identity sender();

        @JsonProperty("createdTimestamp") abstract Instant createdTimestamp();

        @JsonProperty("lastEditedTimestamp") abstract Instant lastEditedTimestamp();

        @JsonProperty("lastUpdatedTimestamp") abstract Instant lastUpdatedTimestamp();

        @JsonProperty("redacted") abstract boolean redacted();

        @JsonProperty("status") abstract MessageStatus status();
    }
}
