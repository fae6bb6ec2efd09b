package chime.conformance.reference.core.tag;

import chime.conformance.reference.core.error.ApiError;
import chime.conformance.reference.core.model.Tag;
import chime.conformance.reference.core.validation.Check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tags of channels and channel flows (TAG-001 to TAG-006). A resource holds at most
 * {@value #MAX_TAGS_PER_RESOURCE} tags (kit decision: the catalogue recommends 50).
 */
public final class TagStore {

    public static final int MAX_TAGS_PER_RESOURCE = 50;

    private final ConcurrentHashMap<String, TreeMap<String, String>> byResource = new ConcurrentHashMap<>();

    /**
     * Validates a Tags list (TAG-006): 1 to 50 tags, Key 1 to 128 and Value 1 to 256 characters, both
     * required. Duplicate keys in one request are rejected (kit decision: which value wins would be
     * arbitrary). A null list means "no tags" where the member is optional.
     */
    public static List<Tag> validate(List<Tag> tags, boolean required) {
        if (tags == null) {
            if (required) {
                throw ApiError.badRequest("Tags is required");
            }
            return List.of();
        }
        Check.listSize(tags, "Tags", 1, MAX_TAGS_PER_RESOURCE);
        Set<String> keys = new HashSet<>();
        for (Tag tag : tags) {
            Check.requiredValue(tag, "Tags[]");
            Check.length(Check.required(tag.key(), "Tags[].Key"), "Tags[].Key", 1, 128);
            Check.length(Check.required(tag.value(), "Tags[].Value"), "Tags[].Value", 1, 256);
            if (!keys.add(tag.key())) {
                throw ApiError.badRequest("Tags contains the key " + tag.key() + " more than once");
            }
        }
        return List.copyOf(tags);
    }

    /** Validates UntagResource's TagKeys: 1 to 50 keys of 1 to 128 characters. */
    public static List<String> validateKeys(List<String> keys) {
        Check.requiredValue(keys, "TagKeys");
        Check.listSize(keys, "TagKeys", 1, MAX_TAGS_PER_RESOURCE);
        for (String key : keys) {
            Check.length(Check.required(key, "TagKeys[]"), "TagKeys[]", 1, 128);
        }
        return List.copyOf(keys);
    }

    /** The tags given at creation (TAG-001, TAG-002). */
    public void create(String resourceArn, List<Tag> tags) {
        TreeMap<String, String> map = new TreeMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value()));
        byResource.put(resourceArn, map);
    }

    public List<Tag> tagsOf(String resourceArn) {
        TreeMap<String, String> map = byResource.get(resourceArn);
        if (map == null) {
            return List.of();
        }
        synchronized (map) {
            List<Tag> tags = new ArrayList<>(map.size());
            map.forEach((key, value) -> tags.add(new Tag(key, value)));
            return tags;
        }
    }

    /** TAG-003: an existing key takes the new value; going over the per-resource limit is ResourceLimitExceeded. */
    public void tag(String resourceArn, List<Tag> tags) {
        TreeMap<String, String> map = byResource.computeIfAbsent(resourceArn, key -> new TreeMap<>());
        synchronized (map) {
            TreeMap<String, String> merged = new TreeMap<>(map);
            tags.forEach(tag -> merged.put(tag.key(), tag.value()));
            if (merged.size() > MAX_TAGS_PER_RESOURCE) {
                throw ApiError.resourceLimitExceeded("A resource can carry at most " + MAX_TAGS_PER_RESOURCE + " tags");
            }
            map.putAll(merged);
        }
    }

    /** TAG-004: listed keys are removed, others kept; an unknown key is not an error. */
    public void untag(String resourceArn, List<String> keys) {
        TreeMap<String, String> map = byResource.get(resourceArn);
        if (map == null) {
            return;
        }
        synchronized (map) {
            keys.forEach(map::remove);
        }
    }

    /** Tags do not outlive their resource (kit decision). */
    public void forget(String resourceArn) {
        byResource.remove(resourceArn);
    }

}
