package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.*;

import chime.conformance.contract.ModeledError;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/** Faults in read markers: the rules of area READ. */
final class ReadMarkerFaults {

    private ReadMarkerFaults() {
    }

    static List<Fault> all() {
        return List.of(
                fault("read-marker-not-recorded", "READ-001",
                        "UpdateChannelReadMarker answers 200 but records nothing",
                        ctx -> Interceptor.on(UpdateChannelReadMarkerRequest.class, (q, chain) -> ctx.isMember(q.channelArn(), q.chimeBearer())
                                ? UpdateChannelReadMarkerResponse.builder().channelArn(q.channelArn()).sdkHttpResponse(FaultContext.http(200)).build()
                                : chain.proceed(q))),
                fault("read-marker-for-non-members", "READ-005",
                        "UpdateChannelReadMarker by a user who is not a member answers 200 instead of ForbiddenException",
                        ctx -> Interceptor.onError(UpdateChannelReadMarkerRequest.class, ModeledError.FORBIDDEN,
                                (q, chain) -> UpdateChannelReadMarkerResponse.builder().channelArn(q.channelArn())
                                        .sdkHttpResponse(FaultContext.http(200)).build())),
                fault("read-marker-per-channel", "READ-003",
                        "a read marker is kept per channel, not per member: marking a channel read marks it for every member",
                        ctx -> Interceptor.then(UpdateChannelReadMarkerRequest.class, q -> {
                            for (ChannelMembershipType type : ChannelMembershipType.knownValues()) {
                                ctx.service().listChannelMemberships(b -> b.channelArn(q.channelArn()).type(type).maxResults(50)
                                        .chimeBearer(ctx.operator(q.channelArn()))).channelMemberships().stream()
                                        .map(m -> m.member().arn()).filter(a -> !a.equals(q.chimeBearer()))
                                        .forEach(a -> ctx.service().updateChannelReadMarker(b -> b.channelArn(q.channelArn()).chimeBearer(a)));
                            }
                        })),
                fault("unmarked-channels-show-a-marker", "READ-002",
                        "a channel never marked as read shows a ReadMarkerTimestamp (the time of the listing)",
                        ctx -> Interceptor.on(ListChannelMembershipsForAppInstanceUserRequest.class, (q, chain) -> {
                            ListChannelMembershipsForAppInstanceUserResponse r = chain.call(q);
                            java.time.Instant now = java.time.Instant.now();
                            return r.toBuilder().channelMemberships(r.channelMemberships().stream().map(m -> {
                                var s = m.appInstanceUserMembershipSummary();
                                return s == null || s.readMarkerTimestamp() != null ? m
                                        : m.toBuilder().appInstanceUserMembershipSummary(s.toBuilder().readMarkerTimestamp(now).build()).build();
                            }).toList()).build();
                        })),
                fault("read-marker-set-once", "READ-004",
                        "UpdateChannelReadMarker sets the marker the first time only; later calls leave it where it was",
                        ctx -> {
                            Set<String> marked = ConcurrentHashMap.newKeySet();
                            return Interceptor.on(UpdateChannelReadMarkerRequest.class, (q, chain) -> {
                                if (marked.contains(q.channelArn() + " " + q.chimeBearer()) && ctx.isMember(q.channelArn(), q.chimeBearer())) {
                                    return UpdateChannelReadMarkerResponse.builder().channelArn(q.channelArn())
                                            .sdkHttpResponse(FaultContext.http(200)).build();
                                }
                                var r = chain.proceed(q);
                                marked.add(q.channelArn() + " " + q.chimeBearer());
                                return r;
                            });
                        }));
    }
}
