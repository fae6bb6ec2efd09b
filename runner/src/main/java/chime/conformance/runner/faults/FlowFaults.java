package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.fault;

import chime.conformance.reference.core.error.ErrorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/** Faults in message status, channel flows, tags, the endpoint and errors (STAT, FLOW, TAG, ENDP, ERR). */
final class FlowFaults {

    private FlowFaults() {
    }

    static List<Fault> all() {
        return List.of(
                // ---- STAT ------------------------------------------------------------------------------
                fault("sent-reported-as-pending", "STAT-002",
                        "without a channel flow, SendChannelMessage reports the status PENDING instead of SENT",
                        ctx -> Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
                            SendChannelMessageResponse r = chain.call(q);
                            return r.status() != null && r.status().value() == ChannelMessageStatus.SENT
                                    ? r.toBuilder().status(s -> s.value(ChannelMessageStatus.PENDING)).build() : r;
                        })),
                fault("denied-status-returned", "STAT-008",
                        "GetChannelMessageStatus of a denied message answers DENIED instead of an error",
                        ctx -> {
                            Set<String> processed = ConcurrentHashMap.newKeySet();
                            return Interceptor.all(
                                    rememberPending(processed),
                                    Interceptor.on(GetChannelMessageStatusRequest.class, (q, chain) -> {
                                        if (!processed.contains(q.channelArn() + " " + q.messageId())) {
                                            return chain.proceed(q);
                                        }
                                        return Faults.onError(ErrorType.NOT_FOUND, chain, q, () -> GetChannelMessageStatusResponse.builder()
                                                .status(s -> s.value(ChannelMessageStatus.DENIED)).sdkHttpResponse(FaultContext.http(200)).build());
                                    }));
                        }),
                fault("edit-status-always-sent", "STAT-011",
                        "UpdateChannelMessage in a channel with a flow reports SENT although the edit waits for the processor",
                        ctx -> Interceptor.on(UpdateChannelMessageRequest.class, (q, chain) -> {
                            UpdateChannelMessageResponse r = chain.call(q);
                            return r.status() != null && r.status().value() == ChannelMessageStatus.PENDING
                                    ? r.toBuilder().status(s -> s.value(ChannelMessageStatus.SENT)).build() : r;
                        })),
                fault("status-stays-pending", "STAT-005, STAT-010",
                        "GetChannelMessageStatus keeps answering the status the message had when it was sent (PENDING)",
                        ctx -> {
                            Set<String> pending = ConcurrentHashMap.newKeySet();
                            return Interceptor.all(
                                    rememberPending(pending),
                                    Interceptor.on(GetChannelMessageStatusRequest.class, (q, chain) -> {
                                        GetChannelMessageStatusResponse r = chain.call(q);
                                        return pending.contains(q.channelArn() + " " + q.messageId())
                                                ? r.toBuilder().status(s -> s.value(ChannelMessageStatus.PENDING)).build() : r;
                                    }));
                        }),

                // ---- FLOW ------------------------------------------------------------------------------
                fault("control-messages-through-flow", "FLOW-019",
                        "CONTROL messages in a channel with a flow are handed to the processor like STANDARD ones",
                        ctx -> {
                            // Handed to the flow as a STANDARD message is, but still a CONTROL message when read.
                            Set<String> control = ConcurrentHashMap.newKeySet();
                            return Interceptor.all(
                                    Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
                                        if (q.type() == ChannelMessageType.CONTROL
                                                && ctx.channel(q.channelArn()).map(c -> c.channelFlowArn() != null).orElse(false)) {
                                            SendChannelMessageResponse r = chain.call(q.toBuilder().type(ChannelMessageType.STANDARD).build());
                                            control.add(r.messageId());
                                            return r;
                                        }
                                        return chain.proceed(q);
                                    }),
                                    MessageFaults.messageView(
                                            m -> control.contains(m.messageId()) ? m.toBuilder().type(ChannelMessageType.CONTROL).build() : m,
                                            s -> control.contains(s.messageId()) ? s.toBuilder().type(ChannelMessageType.CONTROL).build() : s));
                        }),
                fault("abort-treated-as-continue", "FLOW-026, STAT-006",
                        "a processor's FallbackAction ABORT behaves like CONTINUE: an unreachable processor lets the message through",
                        ctx -> {
                            Map<String, List<Processor>> declared = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(CreateChannelFlowRequest.class, (q, chain) -> {
                                        CreateChannelFlowResponse r = chain.call(q.toBuilder().processors(continueOnly(q.processors())).build());
                                        declared.put(r.channelFlowArn(), q.processors());
                                        return r;
                                    }),
                                    Interceptor.on(UpdateChannelFlowRequest.class, (q, chain) -> {
                                        var r = chain.proceed(q.toBuilder().processors(continueOnly(q.processors())).build());
                                        declared.put(q.channelFlowArn(), q.processors());
                                        return r;
                                    }),
                                    showDeclaredProcessors(declared));
                        }),
                fault("second-flow-replaces-first", "FLOW-007",
                        "associating a flow with a channel that has one replaces it instead of answering ConflictException",
                        ctx -> Interceptor.on(AssociateChannelFlowRequest.class, (q, chain) -> Faults.onError(ErrorType.CONFLICT, chain, q, () -> {
                            ctx.channel(q.channelArn()).map(Channel::channelFlowArn).ifPresent(current -> ctx.service().disassociateChannelFlow(
                                    b -> b.channelArn(q.channelArn()).channelFlowArn(current).chimeBearer(ctx.operator(q.channelArn()))));
                            return chain.proceed(q);
                        }))),
                fault("associated-flow-deletable", "FLOW-010",
                        "DeleteChannelFlow deletes a flow still associated with channels (it disassociates them first)",
                        ctx -> Interceptor.on(DeleteChannelFlowRequest.class, (q, chain) -> Faults.onError(ErrorType.CONFLICT, chain, q, () -> {
                            ctx.service().listChannelsAssociatedWithChannelFlow(b -> b.channelFlowArn(q.channelFlowArn()).maxResults(50))
                                    .channels().forEach(c -> ctx.service().disassociateChannelFlow(b -> b.channelArn(c.channelArn())
                                            .channelFlowArn(q.channelFlowArn()).chimeBearer(ctx.operator(c.channelArn()))));
                            return chain.proceed(q);
                        }))),
                fault("deny-keeps-message", "FLOW-021, STAT-008",
                        "a ChannelFlowCallback with DeleteResource=true is acknowledged but the message is kept and sent",
                        ctx -> Interceptor.on(ChannelFlowCallbackRequest.class, (q, chain) -> chain.proceed(
                                Boolean.TRUE.equals(q.deleteResource()) ? q.toBuilder().deleteResource(false).build() : q))),
                fault("callback-drops-metadata", "FLOW-020",
                        "a ChannelFlowCallback updates the content but drops the processor's new Metadata",
                        ctx -> Interceptor.on(ChannelFlowCallbackRequest.class, (q, chain) -> chain.proceed(q.channelMessage() == null ? q
                                : q.toBuilder().channelMessage(q.channelMessage().toBuilder().metadata(null).build()).build()))),
                fault("unknown-callback-accepted", "FLOW-023",
                        "a ChannelFlowCallback with a CallbackId the service never issued is acknowledged with 200",
                        ctx -> Interceptor.on(ChannelFlowCallbackRequest.class, (q, chain) -> Faults.onError(ErrorType.BAD_REQUEST, chain, q,
                                () -> {
                                    if (q.callbackId() == null || q.callbackId().length() < 32 || q.callbackId().length() > 64) {
                                        throw FaultContext.error(ErrorType.BAD_REQUEST, "CallbackId must hold 32 to 64 characters");
                                    }
                                    return ChannelFlowCallbackResponse.builder().channelArn(q.channelArn()).callbackId(q.callbackId())
                                            .sdkHttpResponse(FaultContext.http(200)).build();
                                }))),
                fault("several-processors-accepted", "FLOW-002",
                        "a channel flow with several processors is accepted (the model's limit of 3), though the documentation allows one",
                        ctx -> {
                            Map<String, List<Processor>> declared = new ConcurrentHashMap<>();
                            return Interceptor.all(
                                    Interceptor.on(CreateChannelFlowRequest.class, (q, chain) -> {
                                        if (q.processors().size() < 2 || q.processors().size() > 3) {
                                            return chain.proceed(q);
                                        }
                                        CreateChannelFlowResponse r = chain.call(q.toBuilder().processors(q.processors().get(0)).build());
                                        declared.put(r.channelFlowArn(), q.processors());
                                        return r;
                                    }),
                                    Interceptor.on(UpdateChannelFlowRequest.class, (q, chain) -> {
                                        if (q.processors().size() < 2 || q.processors().size() > 3) {
                                            return chain.proceed(q);
                                        }
                                        var r = chain.proceed(q.toBuilder().processors(q.processors().get(0)).build());
                                        declared.put(q.channelFlowArn(), q.processors());
                                        return r;
                                    }),
                                    showDeclaredProcessors(declared));
                        }),
                fault("edits-bypass-flow", "FLOW-017, STAT-011",
                        "UpdateChannelMessage in a channel with a flow applies the edit at once, without the processor",
                        ctx -> Interceptor.on(UpdateChannelMessageRequest.class, (q, chain) -> withoutFlow(ctx, q.channelArn(), () -> chain.proceed(q)))),
                fault("non-persistent-bypass-flow", "FLOW-018",
                        "NON_PERSISTENT messages in a channel with a flow are sent at once, without the processor",
                        ctx -> Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> q.persistence() == ChannelMessagePersistenceType.NON_PERSISTENT
                                ? withoutFlow(ctx, q.channelArn(), () -> chain.proceed(q)) : chain.proceed(q))),
                fault("disassociation-ignored", "FLOW-008",
                        "DisassociateChannelFlow answers 204 but the channel keeps its flow",
                        ctx -> Interceptor.on(DisassociateChannelFlowRequest.class, (q, chain) -> {
                            var r = chain.proceed(q);
                            ctx.service().associateChannelFlow(b -> b.channelArn(q.channelArn()).channelFlowArn(q.channelFlowArn())
                                    .chimeBearer(ctx.operator(q.channelArn())));
                            return r;
                        })),
                fault("channel-flow-arn-not-shown", "FLOW-006, CHAN-012",
                        "DescribeChannel never shows the ChannelFlowArn of an associated flow",
                        ctx -> Interceptor.on(DescribeChannelRequest.class, (q, chain) -> {
                            DescribeChannelResponse r = chain.call(q);
                            return r.toBuilder().channel(r.channel().toBuilder().channelFlowArn(null).build()).build();
                        })),

                // ---- TAG -------------------------------------------------------------------------------
                fault("tags-not-upserted", "TAG-003",
                        "TagResource with a key the resource already carries keeps the old value",
                        ctx -> Interceptor.on(TagResourceRequest.class, (q, chain) -> {
                            Set<String> existing = new java.util.HashSet<>();
                            try {
                                ctx.service().listTagsForResource(b -> b.resourceARN(q.resourceARN())).tags().forEach(t -> existing.add(t.key()));
                            } catch (ChimeSdkMessagingException ignored) {
                                // an unknown resource: the service answers for it
                            }
                            List<Tag> fresh = q.tags().stream().filter(t -> !existing.contains(t.key())).toList();
                            if (fresh.isEmpty() && !q.tags().isEmpty()) {
                                return TagResourceResponse.builder().sdkHttpResponse(FaultContext.http(204)).build();
                            }
                            return chain.proceed(q.toBuilder().tags(fresh).build());
                        })),
                fault("untag-removes-all", "TAG-004",
                        "UntagResource removes every tag of the resource, not only the keys given",
                        ctx -> Interceptor.on(UntagResourceRequest.class, (q, chain) -> {
                            List<String> keys = new ArrayList<>(q.tagKeys());
                            try {
                                ctx.service().listTagsForResource(b -> b.resourceARN(q.resourceARN())).tags().forEach(t -> keys.add(t.key()));
                            } catch (ChimeSdkMessagingException ignored) {
                                // an unknown resource: the service answers for it
                            }
                            return chain.proceed(q.toBuilder().tagKeys(keys.stream().distinct().toList()).build());
                        })),
                fault("creation-tags-dropped", "TAG-001, TAG-002",
                        "CreateChannel and CreateChannelFlow ignore the Tags given",
                        ctx -> Interceptor.all(
                                Interceptor.on(CreateChannelRequest.class, (q, chain) -> chain.proceed(q.toBuilder().tags((List<Tag>) null).build())),
                                Interceptor.on(CreateChannelFlowRequest.class, (q, chain) -> chain.proceed(q.toBuilder().tags((List<Tag>) null).build())))),
                fault("tag-validation-skipped", "TAG-006",
                        "TagResource does not validate tags: a tag without a key or a value, or too long, is answered 204 and dropped",
                        ctx -> Interceptor.on(TagResourceRequest.class, (q, chain) -> Faults.onError(ErrorType.BAD_REQUEST, chain, q,
                                () -> TagResourceResponse.builder().sdkHttpResponse(FaultContext.http(204)).build()))),

                // ---- ENDP ------------------------------------------------------------------------------
                fault("endpoint-is-an-http-url", "ENDP-002",
                        "GetMessagingSessionEndpoint answers an http:// URL, as if the API's own endpoint took websockets",
                        ctx -> Interceptor.on(GetMessagingSessionEndpointRequest.class, (q, chain) -> {
                            GetMessagingSessionEndpointResponse r = chain.call(q);
                            String host = r.endpoint().url().replaceFirst("^[a-z]+://", "");
                            return r.toBuilder().endpoint(e -> e.url("http://" + host)).build();
                        })),
                fault("endpoint-host-with-path", "ENDP-003",
                        "GetMessagingSessionEndpoint answers the host followed by the /connect path, without a scheme: neither a host name nor a URL",
                        ctx -> Interceptor.on(GetMessagingSessionEndpointRequest.class, (q, chain) -> {
                            GetMessagingSessionEndpointResponse r = chain.call(q);
                            String host = r.endpoint().url().replaceFirst("^[a-z]+://", "");
                            return r.toBuilder().endpoint(e -> e.url(host + "/connect")).build();
                        })),
                fault("endpoint-missing", "ENDP-001",
                        "GetMessagingSessionEndpoint answers 200 without an Endpoint",
                        ctx -> Interceptor.on(GetMessagingSessionEndpointRequest.class, (q, chain) -> {
                            GetMessagingSessionEndpointResponse r = chain.call(q);
                            return r.toBuilder().endpoint((MessagingSessionEndpoint) null).build();
                        })),

                // ---- ERR -------------------------------------------------------------------------------
                fault("not-found-as-forbidden", "ERR-004",
                        "a resource that does not exist is answered with ForbiddenException instead of NotFoundException",
                        ctx -> translateError(ErrorType.NOT_FOUND, ErrorType.FORBIDDEN)),
                fault("forbidden-as-bad-request", "ERR-003",
                        "a permission failure is answered with BadRequestException instead of ForbiddenException",
                        ctx -> translateError(ErrorType.FORBIDDEN, ErrorType.BAD_REQUEST)),
                fault("conflict-as-bad-request", "ERR-002",
                        "a conflict with the state of a resource is answered with BadRequestException instead of ConflictException",
                        ctx -> translateError(ErrorType.CONFLICT, ErrorType.BAD_REQUEST)),
                fault("limit-exceeded-as-bad-request", "ERR-005",
                        "an exceeded resource limit is answered with BadRequestException instead of ResourceLimitExceededException",
                        ctx -> translateError(ErrorType.RESOURCE_LIMIT_EXCEEDED, ErrorType.BAD_REQUEST)),
                fault("error-type-is-short-code", "ERR-009",
                        "errors name their exception by the short code (BadRequest) instead of the shape name, and carry no Code member",
                        ctx -> (q, chain) -> {
                            try {
                                return chain.proceed(q);
                            } catch (ChimeSdkMessagingException e) {
                                throw withoutShapeName(e);
                            }
                        }),
                fault("batch-error-code-invented", "ERR-011, MEMB-011",
                        "each failure of BatchCreateChannelMembership carries an error code outside the documented ErrorCode values",
                        ctx -> Interceptor.on(BatchCreateChannelMembershipRequest.class, (q, chain) -> {
                            BatchCreateChannelMembershipResponse r = chain.call(q);
                            return r.toBuilder().errors(r.errors().stream()
                                    .map(e -> e.toBuilder().errorCode("MemberNotAdded").build()).toList()).build();
                        })));
    }

    /** Remembers the messages (sends and edits) that the service reported PENDING. */
    private static Interceptor rememberPending(Set<String> pending) {
        return Interceptor.on(SendChannelMessageRequest.class, (q, chain) -> {
            SendChannelMessageResponse r = chain.call(q);
            if (r.status() != null && r.status().value() == ChannelMessageStatus.PENDING) {
                pending.add(q.channelArn() + " " + r.messageId());
            }
            return r;
        });
    }

    private static List<Processor> continueOnly(List<Processor> processors) {
        return processors.stream().map(p -> p.fallbackAction() == FallbackAction.ABORT
                ? p.toBuilder().fallbackAction(FallbackAction.CONTINUE).build() : p).toList();
    }

    /** Describe and list flows with the processors as declared, not as the faulty service runs them. */
    static Interceptor showDeclaredProcessors(Map<String, List<Processor>> declared) {
        return Interceptor.all(
                Interceptor.on(DescribeChannelFlowRequest.class, (q, chain) -> {
                    DescribeChannelFlowResponse r = chain.call(q);
                    List<Processor> p = declared.get(q.channelFlowArn());
                    return p == null ? r : r.toBuilder().channelFlow(r.channelFlow().toBuilder().processors(p).build()).build();
                }),
                Interceptor.on(ListChannelFlowsRequest.class, (q, chain) -> {
                    ListChannelFlowsResponse r = chain.call(q);
                    return r.toBuilder().channelFlows(r.channelFlows().stream().map(f -> declared.containsKey(f.channelFlowArn())
                            ? f.toBuilder().processors(declared.get(f.channelFlowArn())).build() : f).toList()).build();
                }));
    }

    /** Runs {@code call} as if the channel had no flow, then gives the channel its flow back. */
    private static SdkResponse withoutFlow(FaultContext ctx, String channelArn, Supplier<SdkResponse> call) {
        String flow = ctx.channel(channelArn).map(Channel::channelFlowArn).orElse(null);
        if (flow == null) {
            return call.get();
        }
        String operator = ctx.operator(channelArn);
        ctx.service().disassociateChannelFlow(b -> b.channelArn(channelArn).channelFlowArn(flow).chimeBearer(operator));
        try {
            return call.get();
        } finally {
            ctx.service().associateChannelFlow(b -> b.channelArn(channelArn).channelFlowArn(flow).chimeBearer(operator));
        }
    }

    private static Interceptor translateError(ErrorType from, ErrorType to) {
        return (q, chain) -> {
            try {
                return chain.proceed(q);
            } catch (ChimeSdkMessagingException e) {
                if (FaultContext.is(e, from)) {
                    throw FaultContext.error(to, e.awsErrorDetails().errorMessage());
                }
                throw e;
            }
        };
    }

    private static ChimeSdkMessagingException withoutShapeName(ChimeSdkMessagingException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String shortCode = null;
        for (ErrorType type : ErrorType.values()) {
            if (FaultContext.is(e, type)) {
                shortCode = type.errorCode();
            }
        }
        if (shortCode == null) {
            return e;
        }
        ChimeSdkMessagingException.Builder builder = e.toBuilder();
        for (SdkField<?> field : ((software.amazon.awssdk.core.SdkPojo) e).sdkFields()) {
            if (field.memberName().equals("Code")) {
                field.set(builder, null);
            }
        }
        String code = shortCode;
        return (ChimeSdkMessagingException) builder.awsErrorDetails(details.toBuilder().errorCode(code).build()).build();
    }
}
