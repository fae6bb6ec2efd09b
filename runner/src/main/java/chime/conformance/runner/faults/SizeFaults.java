package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.*;

import chime.conformance.contract.ModeledError;
import chime.conformance.runner.api.Members;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/** Faults in sizes and lengths: the rules of area SIZE. */
final class SizeFaults {

    private SizeFaults() {
    }

    static List<Fault> all() {
        return List.of(
                fault("content-limit-in-characters", "SIZE-001",
                        "the 4KB limit of STANDARD content is counted in characters, not UTF-8 bytes",
                        ctx -> oversizedContent(4096, ChannelMessageType.STANDARD, c -> c.length() <= 4096)),
                fault("content-limit-off-by-one", "SIZE-001",
                        "STANDARD content of exactly 4096 bytes is rejected: the limit is checked with < instead of <=",
                        ctx -> Interceptor.refuse(SendChannelMessageRequest.class, ModeledError.BAD_REQUEST, "Content is too long",
                                q -> q.type() != ChannelMessageType.CONTROL && Texts.bytes(q.content()) == 4096)),
                fault("control-metadata-accepted", "SIZE-004",
                        "a CONTROL message with metadata is accepted (the metadata is dropped)",
                        ctx -> Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> chain.proceed(
                                q.type() == ChannelMessageType.CONTROL ? q.toBuilder().metadata(null).build() : q))),
                fault("control-limit-as-standard", "SIZE-003",
                        "CONTROL content gets the STANDARD limit of 4096 bytes instead of 30 bytes",
                        ctx -> oversizedContent(30, ChannelMessageType.CONTROL, c -> Texts.bytes(c) <= 4096)),
                fault("channel-metadata-limit-in-characters", "SIZE-006",
                        "the 1KB limit of channel metadata is counted in characters, not UTF-8 bytes",
                        ctx -> {
                            Map<String, String> full = new ConcurrentHashMap<>();
                            UnaryOperator<String> fit = m -> m != null && m.length() <= 1024 && Texts.bytes(m) > 1024
                                    ? Texts.truncateToBytes(m, 1024) : m;
                            return Interceptor.all(
                                    Interceptor.on(CreateChannelRequest.class, (q, chain) -> {
                                        CreateChannelResponse r = chain.call(q.toBuilder().metadata(fit.apply(q.metadata())).build());
                                        if (q.metadata() != null && !q.metadata().equals(fit.apply(q.metadata()))) {
                                            full.put(r.channelArn(), q.metadata());
                                        }
                                        return r;
                                    }),
                                    Interceptor.on(UpdateChannelRequest.class, (q, chain) -> {
                                        var r = chain.proceed(q.toBuilder().metadata(fit.apply(q.metadata())).build());
                                        if (q.metadata() != null && !q.metadata().equals(fit.apply(q.metadata()))) {
                                            full.put(q.channelArn(), q.metadata());
                                        } else if (q.metadata() != null) {
                                            full.remove(q.channelArn());
                                        }
                                        return r;
                                    }),
                                    Interceptor.on(DescribeChannelRequest.class, (q, chain) -> {
                                        DescribeChannelResponse r = chain.call(q);
                                        String m = full.get(q.channelArn());
                                        return m == null ? r : r.toBuilder().channel(r.channel().toBuilder().metadata(m).build()).build();
                                    }));
                        }),
                fault("message-metadata-limit-off-by-one", "SIZE-002",
                        "message metadata of exactly 1024 bytes is rejected: the limit is checked with < instead of <=",
                        ctx -> Interceptor.refuse(SendChannelMessageRequest.class, ModeledError.BAD_REQUEST, "Metadata is too long",
                                q -> Texts.bytes(q.metadata()) == 1024)),
                fault("edit-content-unchecked", "SIZE-007",
                        "UpdateChannelMessage does not check the size of the new content",
                        ctx -> {
                            Map<String, String> full = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(UpdateChannelMessageRequest.class, (q, chain) -> {
                                        var original = ctx.message(q.channelArn(), q.messageId());
                                        int limit = original.map(m -> m.type() == ChannelMessageType.CONTROL ? 30 : 4096).orElse(4096);
                                        if (q.content() == null || Texts.bytes(q.content()) <= limit) {
                                            return chain.proceed(q);
                                        }
                                        var r = chain.proceed(q.toBuilder().content(Texts.truncateToBytes(q.content(), limit)).build());
                                        full.put(q.channelArn() + " " + q.messageId(), q.content());
                                        return r;
                                    }),
                                    contentOverrides(full));
                        }),
                fault("boundary-content-truncated-on-read", "SIZE-001, SIZE-003, SIZE-007",
                        "content of exactly the limit (4096 bytes for STANDARD, 30 for CONTROL) is accepted, but reads lose its last character, as a buffer one byte short would",
                        ctx -> messageView(m -> m.toBuilder().content(shortOfTheLimit(m.content(), m.type())).build(),
                                s -> s.toBuilder().content(shortOfTheLimit(s.content(), s.type())).build())),
                fault("batch-limit-off-by-one", "SIZE-009",
                        "BatchCreateChannelMembership rejects a batch of exactly 100 users",
                        ctx -> Interceptor.refuse(BatchCreateChannelMembershipRequest.class, ModeledError.BAD_REQUEST, "Too many members",
                                q -> q.memberArns().size() == 100)),
                fault("name-limit-off-by-one", "SIZE-008",
                        "a channel name of exactly 256 characters is rejected, on creation and on update",
                        ctx -> (q, chain) -> {
                            if ((q instanceof CreateChannelRequest || q instanceof UpdateChannelRequest)
                                    && Members.text(q, "Name") != null && Members.text(q, "Name").length() == 256) {
                                throw FaultContext.error(ModeledError.BAD_REQUEST, "Name is too long");
                            }
                            return chain.proceed(q);
                        }),
                fault("empty-content-accepted", "SIZE-005",
                        "SendChannelMessage accepts an empty Content",
                        ctx -> {
                            Map<String, String> full = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
                                        if (!"".equals(q.content())) {
                                            return chain.proceed(q);
                                        }
                                        SendChannelMessageResponse r = chain.call(q.toBuilder().content(" ").build());
                                        full.put(q.channelArn() + " " + r.messageId(), "");
                                        return r;
                                    }),
                                    Faults.contentOverrides(full));
                        }),
                fault("malformed-arn-not-found", "SIZE-011, ERR-001",
                        "a malformed ARN is looked up as it is and answered NotFoundException instead of BadRequestException",
                        ctx -> Interceptor.failing((q, e) -> FaultContext.is(e, ModeledError.BAD_REQUEST) && hasMalformedArn(q)
                                ? FaultContext.error(ModeledError.NOT_FOUND, "No such resource") : e)),
                fault("token-pattern-unchecked", "SIZE-012",
                        "a ClientRequestToken that breaks the model's length or pattern is accepted",
                        ctx -> (q, chain) -> {
                            String token = Members.has(q, "ClientRequestToken") ? Members.text(q, "ClientRequestToken") : null;
                            if (token != null && !token.matches("[-_a-zA-Z0-9]{2,64}")) {
                                return chain.proceed(Members.with(q, "ClientRequestToken",
                                        UUID.nameUUIDFromBytes(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString()));
                            }
                            return chain.proceed(q);
                        }),
                fault("message-metadata-limit-in-characters", "SIZE-002",
                        "the 1KB limit of message metadata is counted in characters, not UTF-8 bytes",
                        ctx -> {
                            Map<String, String> full = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
                                        String m = q.metadata();
                                        if (m == null || Texts.bytes(m) <= 1024 || m.length() > 1024) {
                                            return chain.proceed(q);
                                        }
                                        SendChannelMessageResponse r = chain.call(q.toBuilder().metadata(Texts.truncateToBytes(m, 1024)).build());
                                        full.put(q.channelArn() + " " + r.messageId(), m);
                                        return r;
                                    }),
                                    Faults.messageView(m -> full.containsKey(m.channelArn() + " " + m.messageId())
                                            ? m.toBuilder().metadata(full.get(m.channelArn() + " " + m.messageId())).build() : m, s -> s));
                        }),
                fault("update-metadata-limit-off-by-one", "SIZE-006",
                        "UpdateChannel rejects channel metadata of exactly 1024 bytes",
                        ctx -> Interceptor.refuse(UpdateChannelRequest.class, ModeledError.BAD_REQUEST, "Metadata is too long",
                                q -> Texts.bytes(q.metadata()) == 1024)));
    }
}
