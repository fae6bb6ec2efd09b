package chime.conformance.reference.core.tag;

import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.model.Tag;
import chime.conformance.reference.core.validation.Check;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * TagResource, UntagResource and ListTagsForResource (TAG-001 to TAG-006). Developer APIs without a bearer
 * (AUTH-004). Only messaging resources are taggable here: channels and channel flows (TAG-005). Another
 * kind of ARN is a BadRequestException; an unknown or deleted channel or flow is NotFound (kit decision,
 * ERR-004).
 */
public final class TagOperations {

    private final TagStore store;
    private final Predicate<String> liveResource;

    /** @param liveResource whether an ARN names an existing channel or channel flow */
    public TagOperations(TagStore store, Predicate<String> liveResource) {
        this.store = Objects.requireNonNull(store, "store");
        this.liveResource = Objects.requireNonNull(liveResource, "liveResource");
    }

    public void tag(String resourceArn, List<Tag> tags) {
        Check.arn(resourceArn, "ResourceARN");
        List<Tag> valid = TagStore.validate(tags, true);
        requireResource(resourceArn);
        store.tag(resourceArn, valid);
    }

    public void untag(String resourceArn, List<String> tagKeys) {
        Check.arn(resourceArn, "ResourceARN");
        List<String> keys = TagStore.validateKeys(tagKeys);
        requireResource(resourceArn);
        store.untag(resourceArn, keys);
    }

    public List<Tag> list(String resourceArn) {
        Check.arn(resourceArn, "ResourceARN");
        requireResource(resourceArn);
        return store.tagsOf(resourceArn);
    }

    private void requireResource(String resourceArn) {
        if (!resourceArn.contains("/channel/") && !resourceArn.contains("/channel-flow/")) {
            throw ApiError.badRequest("Only channels and channel flows can be tagged");
        }
        if (!liveResource.test(resourceArn)) {
            throw ApiError.notFound("Resource " + resourceArn + " does not exist");
        }
    }
}
