package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.*;

import chime.conformance.contract.ModeledError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/** Faults in tags: the rules of area TAG. */
final class TagFaults {

    private TagFaults() {
    }

    static List<Fault> all() {
        return List.of(
                fault("tags-not-upserted", "TAG-003",
                        "TagResource with a key the resource already carries keeps the old value",
                        ctx -> Interceptor.on(TagResourceRequest.class, (q, chain) -> {
                            Set<String> existing = new java.util.HashSet<>();
                            quietly(() -> ctx.service().listTagsForResource(b -> b.resourceARN(q.resourceARN())).tags()
                                    .forEach(t -> existing.add(t.key()))); // an unknown resource: the service answers for it
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
                            quietly(() -> ctx.service().listTagsForResource(b -> b.resourceARN(q.resourceARN())).tags()
                                    .forEach(t -> keys.add(t.key()))); // an unknown resource: the service answers for it
                            return chain.proceed(q.toBuilder().tagKeys(keys.stream().distinct().toList()).build());
                        })),
                fault("creation-tags-dropped", "TAG-001, TAG-002",
                        "CreateChannel and CreateChannelFlow ignore the Tags given",
                        ctx -> Interceptor.all(
                                Interceptor.on(CreateChannelRequest.class, (q, chain) -> chain.proceed(q.toBuilder().tags((List<Tag>) null).build())),
                                Interceptor.on(CreateChannelFlowRequest.class, (q, chain) -> chain.proceed(q.toBuilder().tags((List<Tag>) null).build())))),
                fault("tag-validation-skipped", "TAG-006",
                        "TagResource does not validate tags: a tag without a key or a value, or too long, is answered 204 and dropped",
                        ctx -> Interceptor.onError(TagResourceRequest.class, ModeledError.BAD_REQUEST,
                                (q, chain) -> TagResourceResponse.builder().sdkHttpResponse(FaultContext.http(204)).build())),
                fault("untagged-resource-not-found", "TAG-005",
                        "ListTagsForResource of a resource without tags answers NotFoundException instead of an empty list",
                        ctx -> Interceptor.on(ListTagsForResourceRequest.class, (q, chain) -> {
                            ListTagsForResourceResponse r = chain.call(q);
                            if (r.tags().isEmpty()) {
                                throw FaultContext.error(ModeledError.NOT_FOUND, "No tags for " + q.resourceARN());
                            }
                            return r;
                        })),
                fault("tag-limit-unenforced", "TAG-006, ERR-005",
                        "TagResource beyond the per-resource limit is acknowledged with 204 (the extra tags are dropped)",
                        ctx -> Interceptor.onError(TagResourceRequest.class, ModeledError.RESOURCE_LIMIT_EXCEEDED,
                                (q, chain) -> TagResourceResponse.builder().sdkHttpResponse(FaultContext.http(204)).build())));
    }
}
